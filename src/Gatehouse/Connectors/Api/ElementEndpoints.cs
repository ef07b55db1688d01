using Gatehouse.Connectors.Providers;

namespace Gatehouse.Connectors.Api;

/// <summary>GET /elements and the OAuth authorization URL of an element (docs/protocol/connectors.md §3, step 1).</summary>
internal static class ElementEndpoints
{
    public static RouteGroupBuilder MapElements(this RouteGroupBuilder hub)
    {
        hub.MapGet("/elements", (HubCaller caller, ConnectorCatalog catalog) => Results.Json(catalog.All.Select(View)));
        hub.MapGet("/elements/{key}", (string key, HubCaller caller, ConnectorCatalog catalog) =>
            catalog.Find(key) is { } connector ? Results.Json(View(connector)) : HubError.NotFound($"No element with key '{key}'.").ToResult());
        hub.MapGet("/elements/{key}/oauth/url", (HttpContext context, string key, HubCaller caller, ConnectorCatalog catalog) =>
            OAuthUrl(context.Request.Query, key, catalog));
        return hub;
    }

    private static IResult OAuthUrl(IQueryCollection query, string key, ConnectorCatalog catalog)
    {
        if (catalog.Find(key) is not { } connector)
        {
            return HubError.NotFound($"No element with key '{key}'.").ToResult();
        }

        string? apiKey = query["apiKey"];
        string? callbackUrl = query["callbackUrl"];
        if (string.IsNullOrEmpty(apiKey))
        {
            return HubError.BadRequest("apiKey (the app's Application (client) ID) is required.").ToResult();
        }

        if (callbackUrl is null || !Uri.TryCreate(callbackUrl, UriKind.Absolute, out _))
        {
            return HubError.BadRequest("callbackUrl (a redirect URI of the app) is required and must be an absolute URL.").ToResult();
        }

        string? tenant = query["tenant"];
        string? scope = query["scope"];
        string? state = query["state"];
        string? organization = null;
        if (connector.OrganizationKey is { } organizationKey && string.IsNullOrEmpty(scope)
            && (organization = OrganizationAddress.Normalize(query[organizationKey].ToString())) is null)
        {
            return HubError.BadRequest($"{organizationKey} (the organisation's address, for example contoso.crm.dynamics.com) or scope is required.").ToResult();
        }

        var defaultScopes = connector.ApiFor(organization)?.DefaultScopes ?? "";
        var url = connector.AuthorizeEndpoint(string.IsNullOrEmpty(tenant) ? connector.Tenant : tenant)
            + $"?client_id={Uri.EscapeDataString(apiKey)}&response_type=code&response_mode=query"
            + $"&redirect_uri={Uri.EscapeDataString(callbackUrl)}"
            + $"&scope={Uri.EscapeDataString(string.IsNullOrEmpty(scope) ? defaultScopes : scope)}"
            + (string.IsNullOrEmpty(state) ? "" : $"&state={Uri.EscapeDataString(state)}");
        return Results.Json(new { element = connector.Key, oauthUrl = url });
    }

    /// <summary>The element; an organisation-specific one has no API of its own until an instance names the organisation.</summary>
    private static object View(Connector connector) => new
    {
        key = connector.Key,
        name = connector.Name,
        description = connector.Description,
        authentication = new { type = "oauth2", grantTypes = new[] { "authorization_code", "client_credentials" } },
        authority = connector.Authority,
        apiBaseUrl = connector.ApiFor(null)?.BaseUrl,
        resource = connector.ApiFor(null)?.Resource,
        defaultScopes = connector.ApiFor(null)?.DefaultScopes,
        organizationKey = connector.OrganizationKey,
        tenant = connector.Tenant,
        configuration = connector.ConfigurationKeys.Select(c => new { key = c.Key, name = c.Name, description = c.Description, required = c.Required, secret = c.Secret }),
    };
}
