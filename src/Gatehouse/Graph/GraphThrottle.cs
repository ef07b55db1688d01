using System.Collections.Concurrent;
using System.Globalization;

namespace Gatehouse.Graph;

/// <summary>
/// Optional per-app throttling (off unless configured), so that clients can test their 429 handling: an app given a
/// limit of N requests per window gets 429 TooManyRequests with Retry-After (whole seconds until the window ends) once
/// it has used them (docs/protocol/graph-dataverse.md §4; the SDK's RetryHandler reads integer seconds). The endpoint
/// filter after <see cref="GraphGate"/>'s: only admitted requests count.
/// </summary>
internal sealed class GraphThrottle(GraphThrottleOptions options, GraphGate gate, TimeProvider clock) : IEndpointFilter
{
    private readonly ConcurrentDictionary<Guid, Window> windows = new();

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        options.Limits.Count == 0 ? next(context) : ThrottleAsync(context, next);

    private async ValueTask<object?> ThrottleAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var admission = await gate.AdmitAsync(context.HttpContext);
        return admission.Succeeded && RetryAfter(admission.Value.Caller.ClientAppId) is { } wait
            ? GraphErrors.TooManyRequests(wait)
            : await next(context);
    }

    /// <summary>Seconds to wait, or null when the request may go ahead (and is counted).</summary>
    private int? RetryAfter(Guid appId)
    {
        if (!options.Limits.TryGetValue(appId, out var limit))
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var window = windows.AddOrUpdate(
            appId,
            _ => new Window(now, 1),
            (_, current) => now - current.Start >= limit.Window ? new Window(now, 1) : current with { Count = current.Count + 1 });
        return window.Count <= limit.Requests
            ? null
            : Math.Max(1, (int)Math.Ceiling((window.Start + limit.Window - now).TotalSeconds));
    }

    private sealed record Window(DateTimeOffset Start, int Count);
}

/// <summary>How many requests an app may make per window.</summary>
internal sealed record ThrottleLimit(int Requests, TimeSpan Window);

/// <summary>The throttled apps by appId; apps not listed are never throttled.</summary>
internal sealed record GraphThrottleOptions(IReadOnlyDictionary<Guid, ThrottleLimit> Limits)
{
    /// <summary>Reads "APPID=REQUESTS/SECONDS;…", or says why it cannot.</summary>
    public static Outcome<GraphThrottleOptions, string> Parse(string? setting)
    {
        var limits = new Dictionary<Guid, ThrottleLimit>();
        foreach (var entry in (setting ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = entry.Split(['=', '/'], StringSplitOptions.TrimEntries);
            if (parts.Length != 3 || !Guid.TryParse(parts[0], out var appId)
                || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var requests) || requests < 1
                || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds < 1)
            {
                return $"Graph throttle entry '{entry}' is not APPID=REQUESTS/SECONDS.";
            }

            limits[appId] = new ThrottleLimit(requests, TimeSpan.FromSeconds(seconds));
        }

        return new GraphThrottleOptions(limits);
    }
}
