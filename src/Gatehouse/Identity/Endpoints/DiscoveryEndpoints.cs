using System.Text.Json;
using System.Text.Json.Serialization;
using Gatehouse.Identity.Keys;
using Gatehouse.Identity.Protocol;
using Gatehouse.MicrosoftHosts;

namespace Gatehouse.Identity.Endpoints;

/// <summary>OpenID Connect discovery, the JWKS and instance discovery, for every tenant form Entra accepts.</summary>
internal static class DiscoveryEndpoints
{
    private static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    // The public cloud's entry, as Entra answers it and MSAL.NET knows it without asking.
    private static readonly object PublicCloud = new
    {
        preferred_network = MicrosoftHostNames.Login,
        preferred_cache = MicrosoftHostNames.LoginWindows,
        aliases = MicrosoftHostNames.TokenService,
    };

    public static IEndpointRouteBuilder MapDiscovery(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/{tenant}/v2.0/.well-known/openid-configuration", ConfigurationAsync).WithMetadata(ProtocolVersion.V2);
        endpoints.MapGet("/{tenant}/.well-known/openid-configuration", ConfigurationAsync).WithMetadata(ProtocolVersion.V1);
        endpoints.MapGet("/{tenant}/discovery/v2.0/keys", KeysAsync).WithMetadata(ProtocolVersion.V2);
        endpoints.MapGet("/{tenant}/discovery/keys", KeysAsync).WithMetadata(ProtocolVersion.V1);
        endpoints.MapGet("/common/discovery/instance", InstanceDiscovery);
        return endpoints;
    }

    private static async Task<IResult> ConfigurationAsync(
        string tenant, ProtocolVersion version, HttpRequest request, TenantResolver tenants, IssuerUrls urls, CancellationToken cancellationToken)
    {
        ReadableFromAnyPage(request);
        var route = await tenants.ResolveAsync(tenant, discovery: true, cancellationToken);
        if (!route.Succeeded)
        {
            return route.Error;
        }

        var answering = urls.For(request);
        return TokenServiceJson.Cacheable(
            version.IsV2 ? OpenIdConfiguration.V2(answering, route.Value) : OpenIdConfiguration.V1(answering, route.Value), Json);
    }

    // The v2.0 keys carry the issuer their tokens name, with {tenantid} for the token's tid (docs/protocol/entra-protocol.md §2.4).
    private static async Task<IResult> KeysAsync(
        string tenant, ProtocolVersion version, HttpRequest request, TenantResolver tenants, IssuerUrls urls, SigningKeyRing keys,
        CancellationToken cancellationToken)
    {
        ReadableFromAnyPage(request);
        var route = await tenants.ResolveAsync(tenant, discovery: true, cancellationToken);
        if (!route.Succeeded)
        {
            return route.Error;
        }

        var issuer = version.IsV2 ? urls.For(request).V2Issuer(IssuerUrls.TenantIdTemplate) : null;
        return TokenServiceJson.Cacheable(JsonWebKeySet.For(await keys.GetPublishedAsync(cancellationToken), issuer), Json);
    }

    /// <summary>
    /// Entra's instance discovery (docs/protocol/entra-protocol.md §1.4): the public cloud's aliases when asked under one
    /// of its login hosts or about one, else this host alone (docs/protocol/microsoft-hosts.md §3).
    /// </summary>
    private static TokenServiceJson InstanceDiscovery(HttpRequest request, IssuerUrls urls, string? authorization_endpoint)
    {
        ReadableFromAnyPage(request);
        var tenant = "common";
        var aboutMicrosoft = false;
        if (Uri.TryCreate(authorization_endpoint, UriKind.Absolute, out var authorize))
        {
            aboutMicrosoft = authorize.IsDefaultPort && MicrosoftHostNames.IsTokenService(authorize.Host);
            if (authorize.Segments is [_, var first, ..])
            {
                tenant = first.TrimEnd('/');
            }
        }

        if (aboutMicrosoft || urls.For(request).IsMicrosoftCloud)
        {
            return Instance(IssuerUrls.Microsoft.V2Discovery(tenant), PublicCloud);
        }

        var host = new Uri(urls.Base).Authority;
        return Instance(urls.V2Discovery(tenant), new { preferred_network = host, preferred_cache = host, aliases = new[] { host } });
    }

    /// <summary>
    /// Public documents any page may read, as Entra's are (docs/protocol/entra-protocol.md §3.7): @azure/msal-browser
    /// fetches the tenant's discovery document from the single-page app's own origin before it signs anyone in.
    /// </summary>
    private static void ReadableFromAnyPage(HttpRequest request) => request.HttpContext.Response.Headers.AccessControlAllowOrigin = "*";

    private static TokenServiceJson Instance(string tenantDiscoveryEndpoint, object cloud) =>
        TokenServiceJson.Cacheable(new Dictionary<string, object>
        {
            ["tenant_discovery_endpoint"] = tenantDiscoveryEndpoint,
            ["api-version"] = "1.1",
            ["metadata"] = new[] { cloud },
        });
}
