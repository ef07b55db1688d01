namespace Gatehouse.Connectors;

/// <summary>
/// Where the hub's providers live and how it keeps instances alive. The authority and Graph default to this
/// Gatehouse's public URL; pointed at login.microsoftonline.com and graph.microsoft.com the hub works with Entra ID.
/// </summary>
internal sealed record HubSettings(
    Uri Authority,
    Uri GraphUrl,
    string DefaultTenant,
    TimeSpan RefreshAhead,
    TimeSpan RefreshPoll,
    TimeSpan SecretExpiryWindow)
{
    /// <summary>Nango refreshes every token at least daily so that idle grants are not revoked (reference/connectors.md).</summary>
    public static readonly TimeSpan LongestWithoutRefresh = TimeSpan.FromHours(24);
}
