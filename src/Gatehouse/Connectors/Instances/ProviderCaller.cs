using System.Net;
using Gatehouse.Connectors.Providers;

namespace Gatehouse.Connectors.Instances;

/// <summary>
/// Calls the provider with an instance's access token: a 401 gets one refresh and one retry; 429 and 503 are retried
/// after the provider's Retry-After (Nango's proxy, docs/protocol/connectors.md §8).
/// </summary>
internal sealed class ProviderCaller(InstanceTokens tokens, IHttpClientFactory httpClients, TimeProvider clock)
{
    public const int MaximumThrottleRetries = 3;
    private static readonly TimeSpan LongestRetryAfter = TimeSpan.FromSeconds(30);

    /// <summary>The provider's answer (the caller disposes it), or null when the instance cannot get a token.</summary>
    /// <param name="build">Builds the request anew for each attempt, with the access token to send.</param>
    public async Task<HttpResponseMessage?> SendAsync(HubInstance instance, Func<string, HttpRequestMessage> build, CancellationToken cancellationToken)
    {
        if (await tokens.GetAsync(instance, cancellationToken) is not { } accessToken)
        {
            return null;
        }

        var client = httpClients.CreateClient(AuthorityClient.HttpClientName);
        var refreshed = false;
        var throttled = 0;
        while (true)
        {
            using var request = build(accessToken);
            var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (response.StatusCode == HttpStatusCode.Unauthorized && !refreshed)
            {
                response.Dispose();
                refreshed = true;
                if (await tokens.RenewAsync(instance.Id, accessToken, cancellationToken) is not { } renewed)
                {
                    return null;
                }

                accessToken = renewed;
                continue;
            }

            if (response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable && throttled < MaximumThrottleRetries
                && RetryAfter(response) is { } wait)
            {
                response.Dispose();
                throttled++;
                await Task.Delay(wait, clock, cancellationToken);
                continue;
            }

            return response;
        }
    }

    /// <summary>How long the provider asked to wait (delta-seconds or an HTTP date, RFC 9110 §10.2.3); 1 s when it did not say; null beyond 30 s.</summary>
    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        var wait = header?.Delta ?? (header?.Date is { } date ? date - clock.GetUtcNow() : TimeSpan.FromSeconds(1));
        if (wait < TimeSpan.Zero)
        {
            wait = TimeSpan.Zero;
        }

        return wait > LongestRetryAfter ? null : wait;
    }
}
