using Gatehouse.DirectoryObjects.Applications;

namespace Gatehouse.DirectoryObjects.Permissions.FirstParty;

/// <summary>
/// A Microsoft public client application that exists in every tenant, registered in Microsoft's own tenant: it has no
/// credential, and the delegated permissions Microsoft pre-authorized it for count as consented by every tenant's
/// administrator, so no user ever sees a consent page for it (docs/protocol/azure-cli.md §4).
/// </summary>
internal sealed record FirstPartyClient(
    Guid AppId,
    string DisplayName,
    IReadOnlyList<string> PublicClientRedirectUris,
    IReadOnlyList<PreAuthorizedScopes> PreAuthorized)
{
    /// <summary>The scopes pre-authorized on a resource; none when the resource is not among them.</summary>
    public IReadOnlyList<string> ScopesOn(Guid resourceAppId) =>
        PreAuthorized.FirstOrDefault(p => p.ResourceAppId == resourceAppId)?.Scopes ?? [];

    /// <summary>
    /// The client as the user flows read an app registration, made afresh and never saved: a multi-tenant public
    /// client whose requiredResourceAccess lists the pre-authorized scopes, so `.default` stands for them.
    /// </summary>
    public Application ToApplication() => new()
    {
        Id = AppId,
        AppId = AppId,
        TenantId = FirstPartyApi.MicrosoftServicesTenantId,
        DisplayName = DisplayName,
        SignInAudience = Application.MultiTenant,
        PublicClientRedirectUris = [.. PublicClientRedirectUris],
        IsFallbackPublicClient = true,
        RequiredResourceAccess = [.. PreAuthorized.Select(ToResourceAccess)],
    };

    private static RequiredResourceAccess ToResourceAccess(PreAuthorizedScopes scopes)
    {
        var catalogue = FirstPartyApis.FindByAppId(scopes.ResourceAppId)?.Oauth2PermissionScopes ?? [];
        return new RequiredResourceAccess
        {
            ResourceAppId = scopes.ResourceAppId,
            ResourceAccess = [.. catalogue.Where(s => scopes.Scopes.Contains(s.Value, StringComparer.Ordinal))
                .Select(s => new ResourceAccess { Id = s.Id, Type = ResourceAccess.ScopeType })],
        };
    }
}

/// <summary>The delegated scopes a first-party client holds on one first-party API.</summary>
internal sealed record PreAuthorizedScopes(Guid ResourceAppId, IReadOnlyList<string> Scopes);
