using System.Collections.Frozen;
using Gatehouse.MicrosoftHosts;

namespace Gatehouse.Identity.Protocol;

/// <summary>
/// Where this token service says it lives: endpoint URLs on a base URL, and the v1.0 and v2.0 issuers. Gatehouse's own
/// are built on the public URL; under one of Microsoft's hosts the answer names Microsoft's
/// (docs/protocol/microsoft-hosts.md §3).
/// </summary>
internal sealed class IssuerUrls
{
    /// <summary>The placeholder Entra puts in multi-tenant issuers; validators replace it with the token's tid.</summary>
    public const string TenantIdTemplate = "{tenantid}";

    /// <summary>The public cloud's URLs, as the token service answers under login.microsoftonline.com.</summary>
    public static readonly IssuerUrls Microsoft = MicrosoftCloud(MicrosoftHostNames.Login);

    // Entra names the host it was asked under in its endpoints, and the same issuers under every one of them.
    private static readonly FrozenDictionary<string, IssuerUrls> MicrosoftTokenService = MicrosoftHostNames.TokenService.ToFrozenDictionary(
        host => host, host => host == MicrosoftHostNames.Login ? Microsoft : MicrosoftCloud(host), StringComparer.OrdinalIgnoreCase);

    private readonly string v2IssuerBase;
    private readonly string v1IssuerBase;

    public IssuerUrls(string publicUrl)
        : this(publicUrl.TrimEnd('/'), microsoftCloud: false)
    {
    }

    private IssuerUrls(string endpointBase, bool microsoftCloud)
    {
        Base = endpointBase;
        IsMicrosoftCloud = microsoftCloud;
        v2IssuerBase = microsoftCloud ? $"https://{MicrosoftHostNames.Login}" : endpointBase;
        v1IssuerBase = microsoftCloud ? $"https://{MicrosoftHostNames.Sts}" : endpointBase;
        V2UserInfo = (microsoftCloud ? $"https://{MicrosoftHostNames.Graph}" : endpointBase) + "/oidc/userinfo";
    }

    public string Base { get; }

    /// <summary>Whether these are the public cloud's URLs rather than this server's own.</summary>
    public bool IsMicrosoftCloud { get; }

    /// <summary>The v2.0 userinfo endpoint, which Microsoft Graph hosts for Entra (docs/protocol/entra-protocol.md §1.1).</summary>
    public string V2UserInfo { get; }

    /// <summary>
    /// The URLs to answer a request with: Microsoft's under one of Microsoft's hosts (endpoints on the login host asked,
    /// else on login.microsoftonline.com), this server's own otherwise.
    /// </summary>
    public IssuerUrls For(HttpRequest request) => MicrosoftHost.Of(request) is not { } host ? this
        : MicrosoftTokenService.TryGetValue(host, out var tokenService) ? tokenService
        : Microsoft;

    public string V2Issuer(string tenantId) => $"{v2IssuerBase}/{tenantId}/v2.0";

    /// <summary>Entra's is https://sts.windows.net/{tid}/; Gatehouse's own stands in for it on the public URL.</summary>
    public string V1Issuer(string tenantId) => $"{v1IssuerBase}/{tenantId}/";

    public string V2Endpoint(string tenant, string name) => $"{Base}/{tenant}/oauth2/v2.0/{name}";

    public string V1Endpoint(string tenant, string name) => $"{Base}/{tenant}/oauth2/{name}";

    public string V2Keys(string tenant) => $"{Base}/{tenant}/discovery/v2.0/keys";

    public string V1Keys(string tenant) => $"{Base}/{tenant}/discovery/keys";

    public string V2Discovery(string tenant) => $"{Base}/{tenant}/v2.0/.well-known/openid-configuration";

    private static IssuerUrls MicrosoftCloud(string host) => new($"https://{host}", microsoftCloud: true);
}
