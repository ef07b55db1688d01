using Gatehouse.Connectors.Instances;

namespace Gatehouse.Connectors.Providers;

/// <summary>
/// One element (connector) as data: the instance machinery reads only this, so a provider joins the hub by adding
/// a definition to <see cref="ConnectorCatalog"/>.
/// </summary>
/// <param name="Key">The element key callers name (office365, dynamics365).</param>
/// <param name="Authority">The Entra-compatible authority's base URL; the tenant follows it in the path.</param>
/// <param name="Tenant">The tenant the authority is asked for when the instance names none.</param>
/// <param name="Resources">The normalised resources (hub paths) and where each lives at the provider.</param>
/// <param name="ApiFor">
/// The provider API of an instance, given its organisation URL (null when it has none): a fixed API for an element
/// with one address, null for an organisation-specific element asked without an organisation.
/// </param>
/// <param name="OrganizationKey">The configuration key naming the organisation when the API lives at its own address.</param>
/// <param name="Dialect">How the provider's OData differs where the hub relies on it.</param>
internal sealed record Connector(
    string Key,
    string Name,
    string Description,
    Uri Authority,
    string Tenant,
    IReadOnlyList<ConfigurationKey> ConfigurationKeys,
    IReadOnlyList<HubResource> Resources,
    Func<string?, ProviderApi?> ApiFor,
    string? OrganizationKey = null,
    ProviderDialect Dialect = ProviderDialect.Graph)
{
    public ProviderApi? ApiOf(HubInstance instance) => ApiFor(instance.OrganizationUrl);

    public Uri TokenEndpoint(string tenant) => new(Authority, $"{Uri.EscapeDataString(tenant)}/oauth2/v2.0/token");

    public Uri AuthorizeEndpoint(string tenant) => new(Authority, $"{Uri.EscapeDataString(tenant)}/oauth2/v2.0/authorize");

    /// <summary>The authorization URL a user signs in at; the authority sends the code to <paramref name="callbackUrl"/>.</summary>
    public string SignInUrl(string tenant, string apiKey, string callbackUrl, string scope, string? state) =>
        AuthorizeEndpoint(tenant)
        + $"?client_id={Uri.EscapeDataString(apiKey)}&response_type=code&response_mode=query"
        + $"&redirect_uri={Uri.EscapeDataString(callbackUrl)}"
        + $"&scope={Uri.EscapeDataString(scope)}"
        + (string.IsNullOrEmpty(state) ? "" : $"&state={Uri.EscapeDataString(state)}");
}

/// <summary>A configuration key an instance of the element takes, as GET /elements lists it.</summary>
internal sealed record ConfigurationKey(string Key, string Name, string Description, bool Required, bool Secret = false);

/// <summary>Where an instance's calls go, the resource its tokens are for, and the delegated scopes asked by default.</summary>
internal sealed record ProviderApi(string Resource, Uri BaseUrl, string DefaultScopes)
{
    public string AppOnlyScope => $"{Resource}/.default";

    /// <summary>Whether <paramref name="url"/> stays inside this API (next links, proxied paths).</summary>
    public bool Contains(Uri url) => url.AbsoluteUri.StartsWith(BaseUrl.AbsoluteUri, StringComparison.Ordinal);
}

/// <summary>
/// Graph pages with $top, kept in its next links. Dataverse pages with <c>Prefer: odata.maxpagesize</c>, which every
/// page's request repeats; answers a write with the row only when asked (<c>Prefer: return=representation</c>); and
/// creates on a PATCH of a missing row unless sent <c>If-Match: *</c> (docs/protocol/graph-dataverse.md §6).
/// </summary>
internal enum ProviderDialect
{
    Graph,
    Dataverse,
}
