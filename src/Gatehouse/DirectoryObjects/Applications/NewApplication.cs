namespace Gatehouse.DirectoryObjects.Applications;

/// <summary>
/// What "Register an application" asks for; the owner is the user who registers it, or a service principal (Graph's
/// app-only create). The portal and the CLI make the app's service principal with it; Graph's POST /applications does
/// not (docs/protocol/graph-dataverse.md §2.3).
/// </summary>
internal sealed record NewApplication(
    string DisplayName,
    string SignInAudience = Application.SingleTenant,
    IReadOnlyList<string>? WebRedirectUris = null,
    IReadOnlyList<string>? SpaRedirectUris = null,
    IReadOnlyList<string>? PublicClientRedirectUris = null,
    Guid? OwnerId = null,
    DirectoryObjectType OwnerType = DirectoryObjectType.User,
    bool AllowPublicClientFlows = false,
    bool EnableIdTokenIssuance = false,
    bool EnableAccessTokenIssuance = false,
    bool WithServicePrincipal = true);
