using Gatehouse.Identity.Protocol;

namespace Gatehouse.Identity.Endpoints;

/// <summary>
/// GET /common/userrealm/{username}?api-version=1.0: whether the user's domain signs in here (Managed) or elsewhere.
/// MSAL.NET asks before a public client's password grant, and refuses anything but Managed or Federated.
/// </summary>
internal static class UserRealm
{
    public static IEndpointRouteBuilder MapUserRealm(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/common/userrealm/{username}", HandleAsync);
        return endpoints;
    }

    private static async Task<IResult> HandleAsync(string username, TenantResolver tenants, CancellationToken cancellationToken)
    {
        var at = username.LastIndexOf('@');
        var domain = at > 0 ? username[(at + 1)..] : "";
        var managed = domain.Length > 0 && !TenantRoute.IsAlias(domain)
            && await tenants.ResolveAsync(domain, discovery: false, cancellationToken) is { Succeeded: true, Value.IsSpecificTenant: true };
        return TokenServiceJson.NoStore(managed
            ? new Dictionary<string, string>
            {
                ["ver"] = "1.0",
                ["account_type"] = "Managed",
                ["domain_name"] = domain.ToLowerInvariant(),
                ["cloud_instance_name"] = "microsoftonline.com",
                ["cloud_audience_urn"] = "urn:federation:MicrosoftOnline",
            }
            : new Dictionary<string, string>
            {
                ["ver"] = "1.0",
                ["account_type"] = "Unknown",
                ["cloud_instance_name"] = "microsoftonline.com",
            });
    }
}
