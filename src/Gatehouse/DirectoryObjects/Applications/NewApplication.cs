namespace Gatehouse.DirectoryObjects.Applications;

/// <summary>What "Register an application" asks for.</summary>
internal sealed record NewApplication(
    string DisplayName,
    string SignInAudience = Application.SingleTenant,
    IReadOnlyList<string>? WebRedirectUris = null,
    IReadOnlyList<string>? SpaRedirectUris = null,
    IReadOnlyList<string>? PublicClientRedirectUris = null,
    Guid? OwnerUserId = null,
    bool AllowPublicClientFlows = false,
    bool EnableIdTokenIssuance = false);
