using System.Diagnostics;
using OpenTelemetry;

namespace Gatehouse.Hosting;

/// <summary>
/// Keeps the store's command spans that belong to a request or a hub refresh, and drops those of the background work
/// on its own (the pollers, the sign-in log writer, the sweeps), which would otherwise send a root span every few
/// seconds: a command span without a parent, or whose parent is another command's, is not exported.
/// </summary>
internal sealed class StoreTelemetryFilter : BaseProcessor<Activity>
{
    /// <summary>The ActivitySource of OpenTelemetry's EF Core instrumentation, named after its assembly.</summary>
    public const string StoreSource = "OpenTelemetry.Instrumentation.EntityFrameworkCore";

    public override void OnEnd(Activity data)
    {
        if (data.Source.Name == StoreSource && (data.ParentSpanId == default || data.Parent?.Source.Name == StoreSource))
        {
            data.ActivityTraceFlags &= ~ActivityTraceFlags.Recorded;
        }
    }
}
