namespace Gatehouse.Connectors;

/// <summary>
/// Where the hub's providers live and how it keeps instances alive. The authority and Graph default to this
/// Gatehouse's public URL; pointed at login.microsoftonline.com and graph.microsoft.com the hub works with Entra ID.
/// </summary>
/// <param name="DataverseUrl">
/// Where a Dynamics 365 organisation's Web API is reached (this Gatehouse by default, whatever the organisation URL);
/// null calls each organisation at its own URL, as with Microsoft's cloud.
/// </param>
internal sealed record HubSettings(
    Uri Authority,
    Uri GraphUrl,
    Uri? DataverseUrl,
    string DefaultTenant,
    TimeSpan RefreshAhead,
    TimeSpan RefreshPoll,
    TimeSpan SecretExpiryWindow)
{
    /// <summary>Nango refreshes every token at least daily so that idle grants are not revoked (docs/protocol/connectors.md §7).</summary>
    public static readonly TimeSpan LongestWithoutRefresh = TimeSpan.FromHours(24);
}
