using Gatehouse.Identity.Protocol;

namespace Gatehouse.Identity.Resources;

/// <summary>
/// A user flow's scope parameter (docs/protocol/entra-protocol.md §3.4): openid, profile, email and offline_access are
/// OpenID Connect scopes; a bare scope names a Microsoft Graph permission; `{resource}/{scope}` one of that resource
/// (the resource is everything before the last '/'); `{resource}/.default` every delegated permission the app
/// requests statically on it. One resource per request.
/// </summary>
internal sealed record RequestedScopes(IReadOnlyList<string> Oidc, string Resource, IReadOnlyList<string> Scopes, bool Default)
{
    public const string GraphResource = "https://graph.microsoft.com";
    public const string OfflineAccess = "offline_access";
    private static readonly string[] OidcScopes = ["openid", "profile", "email", OfflineAccess];

    /// <summary>v1.0 names the API with resource (docs/protocol/entra-protocol.md §3.4): its statically requested scopes, and sign-in.</summary>
    public static string? FromResource(string? resource) => resource is { Length: > 0 } ? $"{resource.TrimEnd('/')}/.default openid" : null;

    /// <summary>A token-service POST's scopes: v2.0 names them with scope, v1.0 with resource.</summary>
    public static Outcome<RequestedScopes, AadstsError> Read(TokenRequest request, bool v2) =>
        (v2 ? request.Scope : FromResource(request.Resource)) is { } scope ? Parse(scope) : Aadsts.MissingParameter(v2 ? "scope" : "resource");

    public static bool IsOidc(string value) => OidcScopes.Contains(value, StringComparer.OrdinalIgnoreCase);

    public static Outcome<RequestedScopes, AadstsError> Parse(string? scope)
    {
        var values = (scope ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var oidc = values.Where(v => OidcScopes.Contains(v, StringComparer.OrdinalIgnoreCase)).Select(v => v.ToLowerInvariant()).Distinct().ToList();
        var byResource = values.Where(v => !OidcScopes.Contains(v, StringComparer.OrdinalIgnoreCase))
            .Select(v => v.LastIndexOf('/') is var slash and > 0 ? (Resource: v[..slash], Name: v[(slash + 1)..]) : (Resource: GraphResource, Name: v))
            .ToList();
        if (byResource.Select(r => r.Resource.TrimEnd('/')).Distinct(StringComparer.OrdinalIgnoreCase).Count() > 1)
        {
            return Aadsts.MultipleResources();
        }

        if (byResource.Any(r => r.Name.Length == 0))
        {
            return Aadsts.InvalidScope(scope ?? "");
        }

        // Only OIDC scopes: Entra issues a Microsoft Graph token with what the app was granted there.
        if (byResource.Count == 0)
        {
            return oidc.Count == 0 ? Aadsts.InvalidScope(scope ?? "") : new RequestedScopes(oidc, GraphResource, [], Default: true);
        }

        var isDefault = byResource.Any(r => r.Name == ".default");
        if (isDefault && byResource.Count > 1)
        {
            return Aadsts.InvalidScope(scope ?? "");
        }

        return new RequestedScopes(oidc, byResource[0].Resource, isDefault ? [] : [.. byResource.Select(r => r.Name).Distinct(StringComparer.OrdinalIgnoreCase)], isDefault);
    }
}
