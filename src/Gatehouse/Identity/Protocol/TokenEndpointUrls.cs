namespace Gatehouse.Identity.Protocol;

/// <summary>
/// The URL a token request was sent to, in every spelling a client may put in an assertion's aud: on the public URL or
/// the host it called, with the tenant as named or as its GUID. Spelled out only when an assertion needs them.
/// </summary>
internal sealed class TokenEndpointUrls(HttpRequest request, IssuerUrls urls, TenantRoute tenant, ProtocolVersion version)
{
    public bool V2 => version.IsV2;

    /// <summary>The URLs, and so the issuer, of the host the request was sent to (docs/protocol/microsoft-hosts.md §3).</summary>
    public IssuerUrls Issuer { get; } = urls.For(request);

    public IReadOnlyCollection<string> AcceptedAudiences()
    {
        var bases = new[] { urls.Base, $"{request.Scheme}://{request.Host}{request.PathBase}" };
        var tenants = new[] { tenant.Segment, tenant.EndpointTenant };
        var path = version.IsV2 ? "oauth2/v2.0/token" : "oauth2/token";
        var audiences = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var origin in bases)
        {
            foreach (var name in tenants)
            {
                audiences.Add($"{origin}/{name}/{path}");
            }
        }

        return audiences;
    }
}
