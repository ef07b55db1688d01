namespace Gatehouse.DirectoryObjects.Applications;

/// <summary>The JSON the Manifest blade shows and takes back.</summary>
internal sealed record ManifestDocument
{
    public required Guid Id { get; init; }
    public required Guid AppId { get; init; }
    public required string DisplayName { get; init; }
    public string SignInAudience { get; init; } = Application.SingleTenant;
    public string? Notes { get; init; }
    public DateTimeOffset? CreatedDateTime { get; init; }
    public List<string> IdentifierUris { get; init; } = [];
    public ManifestWeb Web { get; init; } = new();
    public ManifestRedirects Spa { get; init; } = new();
    public ManifestRedirects PublicClient { get; init; } = new();
    public bool IsFallbackPublicClient { get; init; }
    public ManifestApi Api { get; init; } = new();
    public List<AppRole> AppRoles { get; init; } = [];
    public List<RequiredResourceAccess> RequiredResourceAccess { get; init; } = [];
    public List<ManifestPasswordCredential> PasswordCredentials { get; init; } = [];
    public List<ManifestKeyCredential> KeyCredentials { get; init; } = [];

    public static ManifestDocument From(Application app) => new()
    {
        Id = app.Id,
        AppId = app.AppId,
        DisplayName = app.DisplayName,
        SignInAudience = app.SignInAudience,
        Notes = app.Notes,
        CreatedDateTime = app.CreatedDateTime,
        IdentifierUris = app.IdentifierUris,
        Web = new ManifestWeb
        {
            RedirectUris = app.WebRedirectUris, HomePageUrl = app.WebHomePageUrl, LogoutUrl = app.WebLogoutUrl,
            ImplicitGrantSettings = new ManifestImplicitGrantSettings
            {
                EnableIdTokenIssuance = app.EnableIdTokenIssuance, EnableAccessTokenIssuance = app.EnableAccessTokenIssuance,
            },
        },
        Spa = new ManifestRedirects { RedirectUris = app.SpaRedirectUris },
        PublicClient = new ManifestRedirects { RedirectUris = app.PublicClientRedirectUris },
        IsFallbackPublicClient = app.IsFallbackPublicClient,
        Api = new ManifestApi { RequestedAccessTokenVersion = app.RequestedAccessTokenVersion, Oauth2PermissionScopes = app.Oauth2PermissionScopes },
        AppRoles = app.AppRoles,
        RequiredResourceAccess = app.RequiredResourceAccess,
        PasswordCredentials = [.. app.PasswordCredentials.OrderBy(c => c.StartDateTime).Select(c => new ManifestPasswordCredential
        {
            KeyId = c.KeyId, DisplayName = c.DisplayName, Hint = c.Hint, StartDateTime = c.StartDateTime, EndDateTime = c.EndDateTime,
        })],
        KeyCredentials = [.. app.KeyCredentials.OrderBy(c => c.StartDateTime).Select(c => new ManifestKeyCredential
        {
            KeyId = c.KeyId, DisplayName = c.DisplayName, CustomKeyIdentifier = c.Thumbprint, StartDateTime = c.StartDateTime,
            EndDateTime = c.EndDateTime, Type = c.Type, Usage = c.Usage,
        })],
    };

    /// <summary>Copies the editable parts; fresh lists, so that EF rewrites the JSON columns.</summary>
    public void ApplyTo(Application app)
    {
        app.DisplayName = DisplayName.Trim();
        app.SignInAudience = SignInAudience;
        app.Notes = Notes;
        app.IdentifierUris = [.. IdentifierUris.Distinct(StringComparer.Ordinal)];
        app.WebRedirectUris = [.. Web.RedirectUris.Distinct(StringComparer.Ordinal)];
        app.WebHomePageUrl = Web.HomePageUrl;
        app.WebLogoutUrl = Web.LogoutUrl;
        app.EnableIdTokenIssuance = Web.ImplicitGrantSettings.EnableIdTokenIssuance;
        app.EnableAccessTokenIssuance = Web.ImplicitGrantSettings.EnableAccessTokenIssuance;
        app.SpaRedirectUris = [.. Spa.RedirectUris.Distinct(StringComparer.Ordinal)];
        app.PublicClientRedirectUris = [.. PublicClient.RedirectUris.Distinct(StringComparer.Ordinal)];
        app.IsFallbackPublicClient = IsFallbackPublicClient;
        app.RequestedAccessTokenVersion = Api.RequestedAccessTokenVersion;
        app.Oauth2PermissionScopes = [.. Api.Oauth2PermissionScopes];
        app.AppRoles = [.. AppRoles];
        app.RequiredResourceAccess = [.. RequiredResourceAccess.Select(r => new RequiredResourceAccess
        {
            ResourceAppId = r.ResourceAppId,
            ResourceAccess = [.. r.ResourceAccess.Select(a => new ResourceAccess { Id = a.Id, Type = a.Type })],
        })];
    }
}

internal sealed record ManifestWeb
{
    public List<string> RedirectUris { get; init; } = [];
    public string? HomePageUrl { get; init; }
    public string? LogoutUrl { get; init; }
    public ManifestImplicitGrantSettings ImplicitGrantSettings { get; init; } = new();
}

/// <summary>What the authorize endpoint may answer besides a code (docs/protocol/graph-dataverse.md §2.3).</summary>
internal sealed record ManifestImplicitGrantSettings
{
    public bool EnableIdTokenIssuance { get; init; }

    public bool EnableAccessTokenIssuance { get; init; }
}

internal sealed record ManifestRedirects
{
    public List<string> RedirectUris { get; init; } = [];
}

internal sealed record ManifestApi
{
    public int? RequestedAccessTokenVersion { get; init; }
    public List<PermissionScope> Oauth2PermissionScopes { get; init; } = [];
}

internal sealed record ManifestPasswordCredential
{
    public Guid KeyId { get; init; }
    public string? DisplayName { get; init; }
    public string? Hint { get; init; }
    public DateTimeOffset StartDateTime { get; init; }
    public DateTimeOffset EndDateTime { get; init; }
}

internal sealed record ManifestKeyCredential
{
    public Guid KeyId { get; init; }
    public string? DisplayName { get; init; }
    public string? CustomKeyIdentifier { get; init; }
    public DateTimeOffset StartDateTime { get; init; }
    public DateTimeOffset EndDateTime { get; init; }
    public string? Type { get; init; }
    public string? Usage { get; init; }
}
