using System.Globalization;
using Gatehouse.Data;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;

namespace Gatehouse.Hosting;

/// <summary>
/// The one place an exception that escaped a handler (or a binding, or a page) is answered: 503 with Retry-After when
/// the store is out of reach, 500 otherwise, in the shape of the surface whose group the endpoint belongs to (its
/// <see cref="SurfaceFailures"/> metadata), with a request id that the one log line written here quotes. The
/// framework's own report of the exception is suppressed, so each failure is logged once.
/// </summary>
internal static partial class FailureAnswers
{
    /// <summary>Whole seconds a caller should wait before retrying while the store is out of reach.</summary>
    public const int StoreRetryAfterSeconds = 5;

    public static IApplicationBuilder UseFailureAnswers(this IApplicationBuilder app) => app.UseExceptionHandler(new ExceptionHandlerOptions
    {
        ExceptionHandler = AnswerAsync,
        SuppressDiagnosticsCallback = _ => true,
    });

    private static Task AnswerAsync(HttpContext context)
    {
        var feature = context.Features.GetRequiredFeature<IExceptionHandlerFeature>();
        var surface = feature.Endpoint?.Metadata.GetMetadata<SurfaceFailures>() ?? PlainFailures.Instance;
        var requestId = surface.RequestId(context);
        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(FailureAnswers));
        var storeUnavailable = StoreUnavailable.Is(feature.Error);
        if (storeUnavailable)
        {
            LogStoreUnavailable(logger, context.Request.Method, feature.Path, requestId, StoreUnavailable.Reason(feature.Error));
            context.Response.Headers.RetryAfter = StoreRetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        }
        else
        {
            LogUnexpected(logger, feature.Error, context.Request.Method, feature.Path, requestId);
        }

        return surface.Answer(context, storeUnavailable, requestId).ExecuteAsync(context);
    }

    [LoggerMessage(EventId = 1100, Level = LogLevel.Error, Message = "Unexpected error answering {Method} {Path}: 500, request {RequestId}.")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string method, string path, string requestId);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Warning, Message = "The store is out of reach ({Reason}): 503 to {Method} {Path}, request {RequestId}.")]
    private static partial void LogStoreUnavailable(ILogger logger, string method, string path, string requestId, string reason);

    /// <summary>For what belongs to no surface (/healthz, /ca.pem, /metrics): plain text.</summary>
    private sealed class PlainFailures : SurfaceFailures
    {
        public static readonly PlainFailures Instance = new();

        public override IResult Answer(HttpContext context, bool storeUnavailable, string requestId) => storeUnavailable
            ? Results.Text($"The store is out of reach; retry later. Request ID: {requestId}", statusCode: StatusCodes.Status503ServiceUnavailable)
            : Results.Text($"Unexpected error. Request ID: {requestId}", statusCode: StatusCodes.Status500InternalServerError);
    }
}
