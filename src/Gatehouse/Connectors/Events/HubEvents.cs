using System.Security.Cryptography;
using System.Text.Json;
using Gatehouse.Connectors.Instances;
using Gatehouse.Data;

namespace Gatehouse.Connectors.Events;

/// <summary>Queues an instance's event in the same save as the change it reports; the delivery service sends it.</summary>
internal static class HubEvents
{
    public static void Enqueue(GatehouseDb db, HubInstance instance, string eventType, DateTimeOffset now, object? detail = null)
    {
        if (!instance.EventsEnabled || instance.EventCallbackUrl is null)
        {
            return;
        }

        var payload = new Dictionary<string, object?>
        {
            ["eventId"] = RandomNumberGenerator.GetHexString(24, lowercase: true),
            ["eventType"] = eventType,
            ["occurredDate"] = now,
            ["instance"] = new Dictionary<string, object?>
            {
                ["id"] = instance.Id,
                ["name"] = instance.Name,
                ["element"] = instance.ElementKey,
                ["health"] = InstanceView.Health(instance, InstanceState.Of(instance, now)),
            },
        };
        if (detail is not null)
        {
            payload["detail"] = detail;
        }

        db.HubEventDeliveries.Add(new HubEventDelivery
        {
            InstanceId = instance.Id,
            EventType = eventType,
            Payload = JsonSerializer.Serialize(payload, JsonSerializerOptions.Web),
            CreatedDateTime = now,
            NextAttemptDateTime = now,
        });
    }
}
