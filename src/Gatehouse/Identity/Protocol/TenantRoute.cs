namespace Gatehouse.Identity.Protocol;

/// <summary>
/// What the {tenant} path segment named: one tenant (by ID or domain), or one of Entra's multi-tenant aliases
/// (docs/protocol/entra-protocol.md §1.3).
/// </summary>
internal sealed record TenantRoute(string Segment, Guid? TenantId, string? TenantName)
{
    public const string Common = "common";
    public const string Organizations = "organizations";
    public const string Consumers = "consumers";

    public bool IsSpecificTenant => TenantId is not null;

    /// <summary>The tenant ID as it appears in issuers and endpoint URLs, or the {tenantid} template for an alias.</summary>
    public string IssuerTenant => TenantId?.ToString() ?? IssuerUrls.TenantIdTemplate;

    /// <summary>The path segment endpoint URLs use: the tenant GUID even when a domain was asked for, as Entra does.</summary>
    public string EndpointTenant => TenantId?.ToString() ?? Segment;

    /// <summary>
    /// A user grant redeemed on /common or /organizations acts in the tenant the user signed in to, which the code or
    /// refresh token carries; /consumers has no users here. A specific tenant stays as named. Null: no such tenant.
    /// </summary>
    public TenantRoute? ForUserTenant(Guid? userTenant) =>
        IsSpecificTenant ? this
        : Segment == Consumers || userTenant is null ? null
        : this with { TenantId = userTenant };

    public static bool IsAlias(string segment) =>
        segment.Equals(Common, StringComparison.OrdinalIgnoreCase)
        || segment.Equals(Organizations, StringComparison.OrdinalIgnoreCase)
        || segment.Equals(Consumers, StringComparison.OrdinalIgnoreCase);
}
