using System.Diagnostics;

namespace Gatehouse.Connectors;

/// <summary>The hub's ActivitySource: a span per hub request and per token refresh, the provider's HTTP call inside it.</summary>
internal static class HubActivities
{
    public static readonly ActivitySource Source = new("Gatehouse.Connectors");
}
