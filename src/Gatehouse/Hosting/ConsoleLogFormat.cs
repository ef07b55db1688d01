namespace Gatehouse.Hosting;

/// <summary>
/// README.md, "Observability": the console log as ASP.NET Core's usual text lines, or as one JSON object per line
/// (UTC timestamps, the scopes with the request's and the trace's ids) for a log collector.
/// </summary>
internal static class ConsoleLogFormat
{
    public const string Text = "text";
    public const string Json = "json";

    public static bool IsKnown(string format) =>
        string.Equals(format, Text, StringComparison.OrdinalIgnoreCase) || string.Equals(format, Json, StringComparison.OrdinalIgnoreCase);

    /// <summary>Switches the console logger to JSON lines when <paramref name="format"/> says so; text needs nothing.</summary>
    public static ILoggingBuilder UseConsoleFormat(this ILoggingBuilder logging, string format)
    {
        if (string.Equals(format, Json, StringComparison.OrdinalIgnoreCase))
        {
            logging.AddJsonConsole(json =>
            {
                json.UseUtcTimestamp = true;
                json.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
                json.IncludeScopes = true;
            });
        }

        return logging;
    }
}
