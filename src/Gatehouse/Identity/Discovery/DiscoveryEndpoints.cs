using System.Text.Json;
using System.Text.Json.Serialization;
using Gatehouse.Identity.Tenancy;
using Gatehouse.Identity.Tokens;

namespace Gatehouse.Identity.Discovery;

/// <summary>OpenID Connect discovery, the JWKS and instance discovery, for every tenant form Entra accepts.</summary>
internal static class DiscoveryEndpoints
{
    private static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public static IEndpointRouteBuilder MapDiscovery(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/{tenant}/v2.0/.well-known/openid-configuration", (HttpContext context, string tenant, TenantResolver tenants, IssuerUrls urls, TimeProvider clock) =>
            WithTenantAsync(context, tenant, tenants, clock, route => Task.FromResult(OpenIdConfiguration.V2(urls, route))));
        endpoints.MapGet("/{tenant}/.well-known/openid-configuration", (HttpContext context, string tenant, TenantResolver tenants, IssuerUrls urls, TimeProvider clock) =>
            WithTenantAsync(context, tenant, tenants, clock, route => Task.FromResult(OpenIdConfiguration.V1(urls, route))));
        endpoints.MapGet("/{tenant}/discovery/v2.0/keys", (HttpContext context, string tenant, TenantResolver tenants, IssuerUrls urls, SigningKeyRing keys, TimeProvider clock) =>
            WithKeysAsync(context, tenant, tenants, keys, clock, urls.V2Issuer(IssuerUrls.TenantIdTemplate)));
        endpoints.MapGet("/{tenant}/discovery/keys", (HttpContext context, string tenant, TenantResolver tenants, SigningKeyRing keys, TimeProvider clock) =>
            WithKeysAsync(context, tenant, tenants, keys, clock, issuer: null));
        endpoints.MapGet("/common/discovery/instance", InstanceDiscovery);
        return endpoints;
    }

    private static async Task WithTenantAsync(HttpContext context, string tenant, TenantResolver tenants, TimeProvider clock, Func<TenantRoute, Task<object>> document)
    {
        TokenServiceHeaders.Stamp(context);
        var (route, error) = await tenants.ResolveAsync(tenant, discovery: true, context.RequestAborted);
        if (route is null)
        {
            await error!.WriteAsync(context, clock);
            return;
        }

        TokenServiceHeaders.Cacheable(context.Response);
        await context.Response.WriteAsJsonAsync(await document(route), Json, context.RequestAborted);
    }

    private static Task WithKeysAsync(HttpContext context, string tenant, TenantResolver tenants, SigningKeyRing keys, TimeProvider clock, string? issuer) =>
        WithTenantAsync(context, tenant, tenants, clock, async _ => JsonWebKeySet.For(await keys.GetPublishedAsync(context.RequestAborted), issuer));

    /// <summary>Entra's instance discovery, answering for this host alone (reference/entra-protocol.md §1.4).</summary>
    private static IResult InstanceDiscovery(HttpContext context, IssuerUrls urls, string? authorization_endpoint)
    {
        TokenServiceHeaders.Stamp(context);
        TokenServiceHeaders.Cacheable(context.Response);
        var tenant = "common";
        if (Uri.TryCreate(authorization_endpoint, UriKind.Absolute, out var authorize) && authorize.Segments is [_, var first, ..])
        {
            tenant = first.TrimEnd('/');
        }

        var host = new Uri(urls.Base).Authority;
        return Results.Json(new Dictionary<string, object>
        {
            ["tenant_discovery_endpoint"] = urls.V2Discovery(tenant),
            ["api-version"] = "1.1",
            ["metadata"] = new[] { new { preferred_network = host, preferred_cache = host, aliases = new[] { host } } },
        });
    }
}
