using Gatehouse.Connectors.Providers;

namespace Gatehouse.Connectors.Api;

/// <summary>GET /elements and the OAuth authorization URL of an element (docs/protocol/connectors.md §3, step 1).</summary>
internal static class ElementEndpoints
{
    private const string Tag = "Elements";

    public static RouteGroupBuilder MapElements(this RouteGroupBuilder hub)
    {
        hub.MapGet("/elements", (HubCaller caller, ConnectorCatalog catalog) => Results.Json(catalog.All.Select(View)))
            .WithTags(Tag).Describe("GET", "ListElements", "List the elements (connectors) instances can be made of")
            .Produces<ElementBody[]>();
        hub.MapGet("/elements/{key}", (string key, HubCaller caller, ConnectorCatalog catalog) =>
            catalog.Find(key) is { } connector ? Results.Json(View(connector)) : HubError.NotFound($"No element with key '{key}'.").ToResult())
            .WithTags(Tag).Describe("GET", "GetElement", "Get an element by its key (office365, dynamics365)")
            .Produces<ElementBody>().Produces<HubErrorBody>(StatusCodes.Status404NotFound);
        hub.MapGet("/elements/{key}/oauth/url", (HttpContext context, string key, HubCaller caller, ConnectorCatalog catalog) =>
            OAuthUrl(context.Request.Query, key, catalog))
            .WithTags(Tag).Describe("GET", "GetElementOAuthUrl", "The authorization URL a user signs in at to create an instance",
                new QueryParameter("apiKey", "The app registration's Application (client) ID.", Required: true),
                new QueryParameter("callbackUrl", "A redirect URI of the app, where the code is sent.", Required: true),
                new QueryParameter("tenant", "The directory (tenant) ID or domain; the element's tenant when absent."),
                new QueryParameter("scope", "Delegated scopes, space-separated; the element's default scopes when absent."),
                new QueryParameter("state", "Sent back to the callback URL unchanged."),
                new QueryParameter("dynamics.tenant", "dynamics365: the organisation's address (contoso.crm.dynamics.com); required unless scope is given."))
            .Produces<OAuthUrlBody>().Produces<HubErrorBody>(StatusCodes.Status400BadRequest).Produces<HubErrorBody>(StatusCodes.Status404NotFound);
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
        var url = connector.SignInUrl(
            string.IsNullOrEmpty(tenant) ? connector.Tenant : tenant, apiKey, callbackUrl, string.IsNullOrEmpty(scope) ? defaultScopes : scope, state);
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
