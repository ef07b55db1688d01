using System.Diagnostics;

namespace Gatehouse.Identity.Protocol;

/// <summary>Headers Entra puts on token-service responses (docs/protocol/entra-protocol.md §1.5).</summary>
internal static class TokenServiceHeaders
{
    private const string ClientRequestId = "client-request-id";
    private const string RequestIdKey = "Gatehouse.RequestId";

    public static void NoStore(HttpResponse response)
    {
        response.Headers.CacheControl = "no-store, no-cache";
        response.Headers.Pragma = "no-cache";
    }

    public static void Cacheable(HttpResponse response) => response.Headers.CacheControl = "max-age=86400, private";

    /// <summary>x-ms-request-id, and the caller's client-request-id echoed back, on every response.</summary>
    public static void Stamp(HttpContext context)
    {
        context.Response.Headers["x-ms-request-id"] = RequestId(context);
        if (context.Request.Headers.TryGetValue(ClientRequestId, out var clientRequestId) && Guid.TryParse(clientRequestId, out _))
        {
            context.Response.Headers[ClientRequestId] = clientRequestId.ToString();
        }
    }

    /// <summary>Entra's request (trace) ID is a GUID: the W3C trace ID of the request's activity, read as one.</summary>
    public static string RequestId(HttpContext context)
    {
        if (context.Items[RequestIdKey] is string known)
        {
            return known;
        }

        var id = Activity.Current is { } activity ? FormatGuid(activity.TraceId.ToHexString()) : Guid.NewGuid().ToString();
        context.Items[RequestIdKey] = id;
        return id;
    }

    public static string CorrelationId(HttpContext context) =>
        context.Request.Headers.TryGetValue(ClientRequestId, out var value) && Guid.TryParse(value, out var id)
            ? id.ToString()
            : RequestId(context);

    private static string FormatGuid(string hex32) => Guid.ParseExact(hex32, "N").ToString();
}
