using Gatehouse.Connectors.Instances;

namespace Gatehouse.Connectors.Api;

/// <summary>The provider's status, headers and body, streamed to the caller as they came.</summary>
internal sealed class ProviderAnswer(HttpResponseMessage response) : IResult
{
    private static readonly HashSet<string> HopByHop = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Transfer-Encoding", "Upgrade", "Proxy-Authenticate", "Proxy-Authorization", "TE", "Trailer",
    };

    /// <summary>Why no call could be made through the instance: it is disabled or needs re-authentication.</summary>
    public static IResult Unusable(HubInstance instance) => new HubError(
        StatusCodes.Status409Conflict,
        instance.Disabled
            ? $"Instance {instance.Id} is disabled: enable it with PUT /instances/{instance.Id}/enabled."
            : $"Instance {instance.Id} needs re-authentication: {instance.ProblemMessage ?? "sign in again and PUT /instances/{id}?reAuthenticate=true."}",
        instance.ProblemCode).ToResult();

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        using (response)
        {
            httpContext.Response.StatusCode = (int)response.StatusCode;
            foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
            {
                if (!HopByHop.Contains(name))
                {
                    httpContext.Response.Headers[name] = values.ToArray();
                }
            }

            await response.Content.CopyToAsync(httpContext.Response.Body, httpContext.RequestAborted);
        }
    }
}
