namespace Gatehouse.Identity.Protocol;

/// <summary>Where this token service says it lives: issuers and endpoint URLs are built on the public base URL.</summary>
internal sealed class IssuerUrls(string publicUrl)
{
    /// <summary>The placeholder Entra puts in multi-tenant issuers; validators replace it with the token's tid.</summary>
    public const string TenantIdTemplate = "{tenantid}";

    public string Base { get; } = publicUrl.TrimEnd('/');

    public string V2Issuer(string tenantId) => $"{Base}/{tenantId}/v2.0";

    /// <summary>The stand-in for https://sts.windows.net/{tid}/.</summary>
    public string V1Issuer(string tenantId) => $"{Base}/{tenantId}/";

    public string V2Endpoint(string tenant, string name) => $"{Base}/{tenant}/oauth2/v2.0/{name}";

    public string V1Endpoint(string tenant, string name) => $"{Base}/{tenant}/oauth2/{name}";

    public string V2Keys(string tenant) => $"{Base}/{tenant}/discovery/v2.0/keys";

    public string V1Keys(string tenant) => $"{Base}/{tenant}/discovery/keys";

    public string V2Discovery(string tenant) => $"{Base}/{tenant}/v2.0/.well-known/openid-configuration";
}
