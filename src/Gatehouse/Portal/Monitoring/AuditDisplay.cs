using System.Text.Json;
using Gatehouse.DirectoryObjects.Logs;

namespace Gatehouse.Portal.Monitoring;

/// <summary>A directory change's columns in the words Entra's Audit logs blade uses.</summary>
internal static class AuditDisplay
{
    /// <summary>Every change is the directory's own: Entra's "Core Directory" service.</summary>
    public const string Service = "Core Directory";

    /// <summary>An entry is written in the save that made the change, so every entry is one that succeeded.</summary>
    public const string Status = "Success";

    public static string InitiatedBy(DirectoryAuditEntry e) => e.InitiatorUserPrincipalName ?? e.InitiatorDisplayName ?? e.InitiatorType;

    public static string Target(DirectoryAuditEntry e) => e.TargetDisplayName ?? e.TargetUserPrincipalName ?? e.TargetId ?? "";

    /// <summary>The entry's modified properties, each with its old and new value as JSON text.</summary>
    public static IReadOnlyList<(string Name, string? OldValue, string? NewValue)> ModifiedProperties(DirectoryAuditEntry e)
    {
        using var document = JsonDocument.Parse(e.ModifiedProperties);
        return [.. document.RootElement.EnumerateArray().Select(p => (Text(p, "displayName") ?? "", Text(p, "oldValue"), Text(p, "newValue")))];
    }

    private static string? Text(JsonElement property, string name) =>
        property.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
