using Gatehouse.Identity.Protocol;

namespace Gatehouse.Identity.Endpoints;

/// <summary>
/// The v2.0 and v1.0 OpenID Connect discovery documents, field for field as Entra serves them
/// (docs/protocol/entra-protocol.md §2.1–2.2), with every URL on the host asked (docs/protocol/microsoft-hosts.md §3) and
/// the tenant named by its GUID.
/// </summary>
internal static class OpenIdConfiguration
{
    public const string CloudInstanceName = "microsoftonline.com";

    public static object V2(IssuerUrls urls, TenantRoute tenant)
    {
        var t = tenant.EndpointTenant;
        return new
        {
            token_endpoint = urls.V2Endpoint(t, "token"),
            token_endpoint_auth_methods_supported = new[] { "client_secret_post", "private_key_jwt", "client_secret_basic" },
            jwks_uri = urls.V2Keys(t),
            response_modes_supported = new[] { "query", "fragment", "form_post" },
            subject_types_supported = new[] { "pairwise" },
            id_token_signing_alg_values_supported = new[] { "RS256" },
            response_types_supported = new[] { "code", "id_token", "code id_token", "id_token token" },
            scopes_supported = new[] { "openid", "profile", "email", "offline_access" },
            issuer = urls.V2Issuer(tenant.IssuerTenant),
            request_uri_parameter_supported = false,
            userinfo_endpoint = urls.V2UserInfo,
            authorization_endpoint = urls.V2Endpoint(t, "authorize"),
            device_authorization_endpoint = urls.V2Endpoint(t, "devicecode"),
            http_logout_supported = true,
            frontchannel_logout_supported = true,
            end_session_endpoint = urls.V2Endpoint(t, "logout"),
            claims_supported = new[]
            {
                "sub", "iss", "cloud_instance_name", "cloud_instance_host_name", "cloud_graph_host_name", "msgraph_host", "aud", "exp",
                "iat", "auth_time", "acr", "nonce", "preferred_username", "name", "tid", "ver", "at_hash", "c_hash", "email",
            },
            tenant_region_scope = tenant.IsSpecificTenant ? "WW" : null,
            cloud_instance_name = CloudInstanceName,
            cloud_graph_host_name = "graph.windows.net",
            msgraph_host = "graph.microsoft.com",
        };
    }

    public static object V1(IssuerUrls urls, TenantRoute tenant)
    {
        var t = tenant.EndpointTenant;
        return new
        {
            token_endpoint = urls.V1Endpoint(t, "token"),
            token_endpoint_auth_methods_supported = new[] { "client_secret_post", "private_key_jwt", "client_secret_basic" },
            jwks_uri = urls.V1Keys(t),
            response_modes_supported = new[] { "query", "fragment", "form_post" },
            subject_types_supported = new[] { "pairwise" },
            id_token_signing_alg_values_supported = new[] { "RS256" },
            response_types_supported = new[] { "code", "id_token", "code id_token", "token id_token", "token" },
            scopes_supported = new[] { "openid" },
            issuer = urls.V1Issuer(tenant.IssuerTenant),
            microsoft_multi_refresh_token = true,
            authorization_endpoint = urls.V1Endpoint(t, "authorize"),
            device_authorization_endpoint = urls.V1Endpoint(t, "devicecode"),
            http_logout_supported = true,
            frontchannel_logout_supported = true,
            end_session_endpoint = urls.V1Endpoint(t, "logout"),
            claims_supported = new[]
            {
                "sub", "iss", "cloud_instance_name", "cloud_instance_host_name", "cloud_graph_host_name", "msgraph_host", "aud", "exp",
                "iat", "auth_time", "acr", "amr", "nonce", "email", "given_name", "family_name", "nickname",
            },
            check_session_iframe = urls.V1Endpoint(t, "checksession"),
            userinfo_endpoint = $"{urls.Base}/{t}/openid/userinfo",
            tenant_region_scope = tenant.IsSpecificTenant ? "WW" : null,
            cloud_instance_name = CloudInstanceName,
            cloud_graph_host_name = "graph.windows.net",
            msgraph_host = "graph.microsoft.com",
        };
    }
}
