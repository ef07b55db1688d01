using System.Net;
using System.Net.Http.Headers;
using Gatehouse.Connectors.Instances;
using Gatehouse.Connectors.Providers;

namespace Gatehouse.Connectors.Api;

/// <summary>
/// /proxy/{provider path}: the caller's request sent on to the element's API with the instance's access token; the
/// provider's answer comes back unchanged. A 401 gets one refresh and one retry; 429 and 503 are retried after the
/// provider's Retry-After (Nango's proxy, reference/connectors.md).
/// </summary>
internal static class ProxyEndpoint
{
    public const int MaximumThrottleRetries = 3;
    private static readonly TimeSpan LongestRetryAfter = TimeSpan.FromSeconds(30);
    private static readonly string[] ForwardedRequestHeaders = ["Accept", "Accept-Language", "Prefer", "ConsistencyLevel", "If-Match", "If-None-Match", "client-request-id"];
    private static readonly HashSet<string> HopByHop = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Transfer-Encoding", "Upgrade", "Proxy-Authenticate", "Proxy-Authorization", "TE", "Trailer",
    };

    public static RouteGroupBuilder MapProxy(this RouteGroupBuilder hub)
    {
        hub.Map("/proxy/{**path}", (HttpContext context, string? path, HubAuthentication authentication, ConnectorCatalog catalog, InstanceTokens tokens, IHttpClientFactory httpClients, TimeProvider clock) =>
            HubEndpoints.AsInstanceCallerAsync(context, authentication, caller => ForwardAsync(context, caller.Instance!, path ?? "", catalog, tokens, httpClients, clock)));
        return hub;
    }

    private static async Task<IResult> ForwardAsync(
        HttpContext context, HubInstance instance, string path, ConnectorCatalog catalog, InstanceTokens tokens, IHttpClientFactory httpClients, TimeProvider clock)
    {
        var cancellationToken = context.RequestAborted;
        if (catalog.Find(instance.ElementKey) is not { } connector)
        {
            return HubError.NotFound($"No element with key '{instance.ElementKey}'.").ToResult();
        }

        if (await tokens.GetAsync(instance, cancellationToken) is not { } accessToken)
        {
            return Unusable(instance);
        }

        var target = new Uri(connector.ApiBaseUrl, path.TrimStart('/') + context.Request.QueryString);
        if (!target.AbsoluteUri.StartsWith(connector.ApiBaseUrl.AbsoluteUri, StringComparison.Ordinal))
        {
            return HubError.BadRequest("The path leaves the element's API.").ToResult();
        }

        var body = await ReadBodyAsync(context.Request, cancellationToken);
        if (body is null)
        {
            return new HubError(StatusCodes.Status413PayloadTooLarge, "The body is larger than 4 MB.").ToResult();
        }

        var client = httpClients.CreateClient(AuthorityClient.HttpClientName);
        var refreshed = false;
        var throttled = 0;
        while (true)
        {
            using var request = Build(context.Request, target, body, accessToken);
            var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (response.StatusCode == HttpStatusCode.Unauthorized && !refreshed)
            {
                response.Dispose();
                refreshed = true;
                if (await tokens.RenewAsync(instance.Id, accessToken, cancellationToken) is not { } renewed)
                {
                    return Unusable(instance);
                }

                accessToken = renewed;
                continue;
            }

            if (response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable && throttled < MaximumThrottleRetries
                && RetryAfter(response, clock) is { } wait)
            {
                response.Dispose();
                throttled++;
                await Task.Delay(wait, clock, cancellationToken);
                continue;
            }

            return new ProviderAnswer(response);
        }
    }

    private static IResult Unusable(HubInstance instance) => new HubError(
        StatusCodes.Status409Conflict,
        instance.Disabled
            ? $"Instance {instance.Id} is disabled: enable it with PUT /instances/{instance.Id}/enabled."
            : $"Instance {instance.Id} needs re-authentication: {instance.ProblemMessage ?? "sign in again and PUT /instances/{id}?reAuthenticate=true."}",
        instance.ProblemCode).ToResult();

    /// <summary>How long the provider asked to wait (delta-seconds or an HTTP date, RFC 9110 §10.2.3), capped; 1 s when it did not say.</summary>
    private static TimeSpan? RetryAfter(HttpResponseMessage response, TimeProvider clock)
    {
        var header = response.Headers.RetryAfter;
        var wait = header?.Delta ?? (header?.Date is { } date ? date - clock.GetUtcNow() : TimeSpan.FromSeconds(1));
        if (wait < TimeSpan.Zero)
        {
            wait = TimeSpan.Zero;
        }

        return wait > LongestRetryAfter ? null : wait;
    }

    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        const int limit = 4 * 1024 * 1024;
        if (request.ContentLength > limit)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        return buffer.Length > limit ? null : buffer.ToArray();
    }

    private static HttpRequestMessage Build(HttpRequest incoming, Uri target, byte[] body, string accessToken)
    {
        var request = new HttpRequestMessage(new HttpMethod(incoming.Method), target);
        foreach (var name in ForwardedRequestHeaders)
        {
            if (incoming.Headers.TryGetValue(name, out var values))
            {
                request.Headers.TryAddWithoutValidation(name, (IEnumerable<string>)values!);
            }
        }

        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        if (body.Length > 0 || incoming.ContentType is not null)
        {
            request.Content = new ByteArrayContent(body);
            if (incoming.ContentType is { } contentType)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            }
        }

        return request;
    }

    /// <summary>The provider's status, headers and body, streamed to the caller as they came.</summary>
    private sealed class ProviderAnswer(HttpResponseMessage response) : IResult
    {
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
}
