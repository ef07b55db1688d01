namespace Gatehouse.Connectors.Providers;

/// <summary>
/// One element (connector) as data: the instance machinery reads only this, so a provider joins the hub by adding
/// a definition to <see cref="ConnectorCatalog"/>.
/// </summary>
/// <param name="Key">The element key callers name (office365).</param>
/// <param name="Authority">The Entra-compatible authority's base URL; the tenant follows it in the path.</param>
/// <param name="ApiBaseUrl">Where calls through an instance go.</param>
/// <param name="Resource">The resource whose tokens the API accepts (the scope prefix of {resource}/.default).</param>
/// <param name="DefaultScopes">Delegated scopes asked for when oauth.scope is not given.</param>
/// <param name="Tenant">The tenant the authority is asked for when the instance names none.</param>
/// <param name="Resources">The normalised resources (hub paths) and where each lives at the provider.</param>
internal sealed record Connector(
    string Key,
    string Name,
    string Description,
    Uri Authority,
    Uri ApiBaseUrl,
    string Resource,
    string DefaultScopes,
    string Tenant,
    IReadOnlyList<ConfigurationKey> ConfigurationKeys,
    IReadOnlyList<HubResource> Resources)
{
    public string AppOnlyScope => $"{Resource}/.default";

    public Uri TokenEndpoint(string tenant) => new(Authority, $"{Uri.EscapeDataString(tenant)}/oauth2/v2.0/token");

    public Uri AuthorizeEndpoint(string tenant) => new(Authority, $"{Uri.EscapeDataString(tenant)}/oauth2/v2.0/authorize");
}

/// <summary>A configuration key an instance of the element takes, as GET /elements lists it.</summary>
internal sealed record ConfigurationKey(string Key, string Name, string Description, bool Required, bool Secret = false);
