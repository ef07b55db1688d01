namespace Gatehouse.DirectoryObjects.ManagedIdentities;

/// <summary>
/// A user-assigned identity's Azure resource ID (docs/protocol/entra-protocol.md §8). Gatehouse has no
/// subscriptions, so the tenant ID stands in for the subscription and every identity is in resource group "gatehouse".
/// </summary>
internal static class ManagedIdentityResourceId
{
    private const string Provider = "Microsoft.ManagedIdentity";
    private const string ResourceType = "userAssignedIdentities";

    public static string Format(Guid tenantId, string name) =>
        $"/subscriptions/{tenantId}/resourceGroups/gatehouse/providers/{Provider}/{ResourceType}/{name}";

    /// <summary>The tenant and name a resource ID names, or null when it does not name a user-assigned identity.</summary>
    public static (Guid TenantId, string Name)? Parse(string resourceId)
    {
        var segments = resourceId.Trim('/').Split('/');
        return segments.Length == 8
            && segments[0].Equals("subscriptions", StringComparison.OrdinalIgnoreCase)
            && Guid.TryParse(segments[1], out var tenantId)
            && segments[2].Equals("resourceGroups", StringComparison.OrdinalIgnoreCase)
            && segments[4].Equals("providers", StringComparison.OrdinalIgnoreCase)
            && segments[5].Equals(Provider, StringComparison.OrdinalIgnoreCase)
            && segments[6].Equals(ResourceType, StringComparison.OrdinalIgnoreCase)
                ? (tenantId, segments[7])
                : null;
    }
}
