using System.Globalization;

namespace Gatehouse.Identity.Protocol;

/// <summary>One token-service error, written as Entra writes it (docs/protocol/entra-protocol.md §5.1).</summary>
internal sealed record AadstsError(int Code, string Error, int Status, string Message) : IResult
{
    /// <summary>MSAL reads it (docs/protocol/entra-protocol.md §5.1): consent_required, basic_action, bad_token.</summary>
    public string? Suberror { get; init; }

    /// <summary>Sent as Retry-After in whole seconds, with a 429 (docs/protocol/entra-protocol.md §5.2).</summary>
    public TimeSpan? RetryAfter { get; init; }

    public Task ExecuteAsync(HttpContext context)
    {
        if (RetryAfter is { } wait)
        {
            context.Response.Headers.RetryAfter = RetryAfterSeconds(wait).ToString(CultureInfo.InvariantCulture);
        }

        var traceId = TokenServiceHeaders.RequestId(context);
        var correlationId = TokenServiceHeaders.CorrelationId(context);
        var clock = context.RequestServices.GetRequiredService<TimeProvider>();
        var timestamp = clock.GetUtcNow().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        return JsonAnswer.WriteAsync(context, Status, writer =>
        {
            writer.WriteString("error", Error);
            writer.WriteString("error_description", $"AADSTS{Code}: {Message}\r\nTrace ID: {traceId}\r\nCorrelation ID: {correlationId}\r\nTimestamp: {timestamp}");
            writer.WriteStartArray("error_codes");
            writer.WriteNumberValue(Code);
            writer.WriteEndArray();
            writer.WriteString("timestamp", timestamp);
            writer.WriteString("trace_id", traceId);
            writer.WriteString("correlation_id", correlationId);
            if (Suberror is not null)
            {
                writer.WriteString("suberror", Suberror);
            }

            writer.WriteString("error_uri", $"{context.Request.Scheme}://{context.Request.Host}/error?code={Code}");
        });
    }

    /// <summary>Whole seconds, rounded up so that a client waiting them finds the window over.</summary>
    public static int RetryAfterSeconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
}
