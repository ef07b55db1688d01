using Gatehouse.Identity.Tenancy;

namespace Gatehouse.Identity.Discovery;

/// <summary>
/// GET /common/userrealm/{username}?api-version=1.0: whether the user's domain signs in here (Managed) or elsewhere.
/// MSAL.NET asks before a public client's password grant, and refuses anything but Managed or Federated.
/// </summary>
internal static class UserRealm
{
    public static IEndpointRouteBuilder MapUserRealm(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/common/userrealm/{username}", async (HttpContext context, string username, TenantResolver tenants) =>
        {
            TokenServiceHeaders.Stamp(context);
            var at = username.LastIndexOf('@');
            var domain = at > 0 ? username[(at + 1)..] : "";
            var (route, _) = domain.Length == 0 || TenantRoute.IsAlias(domain)
                ? (null, null)
                : await tenants.ResolveAsync(domain, discovery: false, context.RequestAborted);
            TokenServiceHeaders.NoStore(context.Response);
            return route is { IsSpecificTenant: true }
                ? Results.Json(new Dictionary<string, string>
                {
                    ["ver"] = "1.0",
                    ["account_type"] = "Managed",
                    ["domain_name"] = domain.ToLowerInvariant(),
                    ["cloud_instance_name"] = "microsoftonline.com",
                    ["cloud_audience_urn"] = "urn:federation:MicrosoftOnline",
                })
                : Results.Json(new Dictionary<string, string>
                {
                    ["ver"] = "1.0",
                    ["account_type"] = "Unknown",
                    ["cloud_instance_name"] = "microsoftonline.com",
                });
        });
        return endpoints;
    }
}
