using Gatehouse.ResourceServer;

namespace Gatehouse.Graph;

/// <summary>
/// An accepted Graph request: the caller, whether only their own object is within reach (a <see cref="GraphOperation.Self"/>
/// permission let them in), and the base URL the response's links are built on (…/v1.0 or …/beta).
/// Handlers take it as a parameter; binding it runs <see cref="GraphGate"/>'s checks.
/// </summary>
internal sealed record GraphRequest(Caller Caller, bool SelfOnly, string ServiceRoot, HttpContext Context)
{
    public Guid TenantId => Caller.TenantId;

    /// <summary>ConsistencyLevel: eventual, which $search, /$count and advanced queries need.</summary>
    public bool EventualConsistency =>
        Context.Request.Headers["ConsistencyLevel"].ToString().Equals("eventual", StringComparison.OrdinalIgnoreCase);

    public static async ValueTask<GraphRequest?> BindAsync(HttpContext context) =>
        (await context.RequestServices.GetRequiredService<GraphGate>().AdmitAsync(context)).Value;

    /// <summary>Whether this request may touch the object: always, unless a Self permission limits it to the signed-in user.</summary>
    public bool MayReach(Guid objectId) => !SelfOnly || Caller.UserId == objectId;
}
