namespace Gatehouse.Connectors.Events;

/// <summary>One event for an instance's callback URL and how its delivery went.</summary>
internal sealed class HubEventDelivery
{
    public long Id { get; set; }

    public long InstanceId { get; set; }

    public string EventType { get; set; } = "";

    /// <summary>The JSON body exactly as signed and sent.</summary>
    public string Payload { get; set; } = "";

    public int Attempts { get; set; }

    /// <summary>The last attempt's HTTP status, or why it could not be sent.</summary>
    public string? LastResult { get; set; }

    public DateTimeOffset CreatedDateTime { get; set; }

    public DateTimeOffset? LastAttemptDateTime { get; set; }

    /// <summary>When the next attempt is due; null once delivered or given up.</summary>
    public DateTimeOffset? NextAttemptDateTime { get; set; }

    public DateTimeOffset? DeliveredDateTime { get; set; }
}
