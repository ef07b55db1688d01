namespace Gatehouse;

/// <summary>
/// A surface's checks of who is calling, decided once per request: when a handler's <typeparamref name="TRequest"/>
/// parameter binds (binding runs before any endpoint filter), or else here, as the surface's endpoint filter, for an
/// endpoint that binds none. The filter answers a refusal before any handler runs, so a refused request, which binds
/// as null, never reaches one.
/// </summary>
internal abstract class RequestGate<TRequest, TRefusal> : IEndpointFilter
    where TRequest : class
    where TRefusal : class
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var admission = await AdmitAsync(context.HttpContext);
        return admission.Succeeded ? await next(context) : admission.Error;
    }

    /// <summary>The request as its handlers see it, or the surface's refusal.</summary>
    public async ValueTask<Outcome<TRequest, TRefusal>> AdmitAsync(HttpContext context)
    {
        if (context.Items[this] is Outcome<TRequest, TRefusal> decided)
        {
            return decided;
        }

        var admission = await CheckAsync(context);
        context.Items[this] = admission;
        return admission;
    }

    /// <summary>The admitted request, once decided; null before that and after a refusal.</summary>
    public TRequest? Admitted(HttpContext context) =>
        context.Items[this] is Outcome<TRequest, TRefusal> { Succeeded: true } admitted ? admitted.Value : null;

    protected abstract Task<Outcome<TRequest, TRefusal>> CheckAsync(HttpContext context);
}
