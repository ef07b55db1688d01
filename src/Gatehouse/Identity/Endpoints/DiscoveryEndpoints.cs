using System.Text.Json;
using System.Text.Json.Serialization;
using Gatehouse.Identity.Keys;
using Gatehouse.Identity.Protocol;

namespace Gatehouse.Identity.Endpoints;

/// <summary>OpenID Connect discovery, the JWKS and instance discovery, for every tenant form Entra accepts.</summary>
internal static class DiscoveryEndpoints
{
    private static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

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
        string tenant, ProtocolVersion version, TenantResolver tenants, IssuerUrls urls, CancellationToken cancellationToken)
    {
        var route = await tenants.ResolveAsync(tenant, discovery: true, cancellationToken);
        if (!route.Succeeded)
        {
            return route.Error;
        }

        return TokenServiceJson.Cacheable(version.IsV2 ? OpenIdConfiguration.V2(urls, route.Value) : OpenIdConfiguration.V1(urls, route.Value), Json);
    }

    // The v2.0 keys carry the issuer their tokens name, with {tenantid} for the token's tid (docs/protocol/entra-protocol.md §2.4).
    private static async Task<IResult> KeysAsync(
        string tenant, ProtocolVersion version, TenantResolver tenants, IssuerUrls urls, SigningKeyRing keys, CancellationToken cancellationToken)
    {
        var route = await tenants.ResolveAsync(tenant, discovery: true, cancellationToken);
        if (!route.Succeeded)
        {
            return route.Error;
        }

        var issuer = version.IsV2 ? urls.V2Issuer(IssuerUrls.TenantIdTemplate) : null;
        return TokenServiceJson.Cacheable(JsonWebKeySet.For(await keys.GetPublishedAsync(cancellationToken), issuer), Json);
    }

    /// <summary>Entra's instance discovery, answering for this host alone (docs/protocol/entra-protocol.md §1.4).</summary>
    private static TokenServiceJson InstanceDiscovery(IssuerUrls urls, string? authorization_endpoint)
    {
        var tenant = "common";
        if (Uri.TryCreate(authorization_endpoint, UriKind.Absolute, out var authorize) && authorize.Segments is [_, var first, ..])
        {
            tenant = first.TrimEnd('/');
        }

        var host = new Uri(urls.Base).Authority;
        return TokenServiceJson.Cacheable(new Dictionary<string, object>
        {
            ["tenant_discovery_endpoint"] = urls.V2Discovery(tenant),
            ["api-version"] = "1.1",
            ["metadata"] = new[] { new { preferred_network = host, preferred_cache = host, aliases = new[] { host } } },
        });
    }
}
