using Gatehouse.Data;
using Gatehouse.DirectoryObjects.ServicePrincipals;

namespace Gatehouse.DirectoryObjects.Applications;

/// <summary>
/// "Branding" and "Authentication": the app's name and home page, its redirect URIs per platform, front-channel logout
/// URL, supported account types and whether public client flows are allowed. Each operation checks everything before it
/// changes anything, so a refusal leaves the app as it was.
/// </summary>
internal sealed class ApplicationSettings(GatehouseDb db, ServicePrincipalDirectory servicePrincipals)
{
    /// <summary>Redirect URIs an app may have when it signs in work and school accounts only (learn.microsoft.com: reply-url restrictions).</summary>
    public const int MaximumRedirectUris = 256;

    /// <summary>Redirect URIs an app may have when it also signs in personal Microsoft accounts (same page).</summary>
    public const int MaximumRedirectUrisWithPersonalAccounts = 100;

    public async Task<Outcome<Application, DirectoryError>> SetBrandingAsync(Application application, ApplicationBranding branding, CancellationToken cancellationToken)
    {
        var name = branding.DisplayName.Trim();
        if (name.Length == 0)
        {
            return DirectoryError.Invalid("The application needs a name.");
        }

        if (name.Length > ApplicationRegistrations.MaximumDisplayNameLength)
        {
            return DirectoryError.Invalid($"The name must be at most {ApplicationRegistrations.MaximumDisplayNameLength} characters.");
        }

        var homePage = Blank(branding.HomePageUrl);
        if (homePage is not null && ApplicationUrlRules.CheckHomePage(homePage) is { } problem)
        {
            return DirectoryError.Invalid(problem);
        }

        application.DisplayName = name;
        application.WebHomePageUrl = homePage;

        // Entra renames the app's enterprise application (its service principal in the home tenant) with it.
        if (await servicePrincipals.FindByAppIdAsync(application.TenantId, application.AppId, cancellationToken) is { } servicePrincipal)
        {
            servicePrincipal.DisplayName = name;
        }

        await db.SaveChangesAsync(cancellationToken);
        return application;
    }

    public async Task<Outcome<Application, DirectoryError>> SetAuthenticationAsync(Application application, AuthenticationSettings settings, CancellationToken cancellationToken)
    {
        if (!Application.SignInAudiences.Contains(settings.SignInAudience))
        {
            return DirectoryError.Invalid(
                $"'{settings.SignInAudience}' is not a supported account type; use one of {string.Join(", ", Application.SignInAudiences)}.");
        }

        var logoutUrl = Blank(settings.LogoutUrl);
        if (logoutUrl is not null && ApplicationUrlRules.CheckLogout(logoutUrl) is { } problem)
        {
            return DirectoryError.Invalid(problem);
        }

        // learn.microsoft.com: supported-accounts-validation — changing the account types may need other properties changed first.
        var limit = RedirectUriLimit(settings.SignInAudience);
        var count = RedirectUriCount(application);
        if (settings.SignInAudience != application.SignInAudience && count > limit)
        {
            return DirectoryError.Policy(
                $"Those account types allow at most {limit} redirect URIs and this application has {count}; remove some first.");
        }

        application.SignInAudience = settings.SignInAudience;
        application.WebLogoutUrl = logoutUrl;
        application.IsFallbackPublicClient = settings.AllowPublicClientFlows;
        application.EnableIdTokenIssuance = settings.EnableIdTokenIssuance;
        application.EnableAccessTokenIssuance = settings.EnableAccessTokenIssuance;
        await db.SaveChangesAsync(cancellationToken);
        return application;
    }

    public async Task<Outcome<Application, DirectoryError>> AddRedirectUriAsync(
        Application application, RedirectPlatform platform, string uri, CancellationToken cancellationToken)
    {
        if (!Enum.IsDefined(platform))
        {
            return DirectoryError.Invalid("The platform must be Web, Spa or PublicClient.");
        }

        var value = uri.Trim();
        if (value.Length == 0)
        {
            return DirectoryError.Invalid("Enter a redirect URI.");
        }

        if (RedirectUriRules.Check(value, platform) is { } problem)
        {
            return DirectoryError.Invalid(problem);
        }

        // Entra: "Redirect URIs must have distinct values", across platforms too, so a URI names one flow.
        foreach (var registered in Enum.GetValues<RedirectPlatform>())
        {
            if (RedirectUris(application, registered).Contains(value, StringComparer.Ordinal))
            {
                return DirectoryError.Conflict(
                    $"The redirect URI '{value}' is already registered for the {PlatformName(registered)} platform; redirect URIs must have distinct values.");
            }
        }

        var limit = RedirectUriLimit(application.SignInAudience);
        if (RedirectUriCount(application) >= limit)
        {
            return DirectoryError.Policy($"The application already has the {limit} redirect URIs its supported account types allow.");
        }

        // Primitive collections are saved as a whole: hand EF a fresh list so it rewrites the column.
        SetRedirectUris(application, platform, [.. RedirectUris(application, platform), value]);
        await db.SaveChangesAsync(cancellationToken);
        return application;
    }

    public async Task<Outcome<Application, DirectoryError>> RemoveRedirectUriAsync(
        Application application, RedirectPlatform platform, string uri, CancellationToken cancellationToken)
    {
        if (!Enum.IsDefined(platform) || !RedirectUris(application, platform).Contains(uri, StringComparer.Ordinal))
        {
            return DirectoryError.NotFound($"The application has no redirect URI '{uri}' for that platform.");
        }

        SetRedirectUris(application, platform, [.. RedirectUris(application, platform).Where(u => !string.Equals(u, uri, StringComparison.Ordinal))]);
        await db.SaveChangesAsync(cancellationToken);
        return application;
    }

    public static IReadOnlyList<string> RedirectUris(Application application, RedirectPlatform platform) => platform switch
    {
        RedirectPlatform.Web => application.WebRedirectUris,
        RedirectPlatform.Spa => application.SpaRedirectUris,
        RedirectPlatform.PublicClient => application.PublicClientRedirectUris,
        _ => [],
    };

    private static void SetRedirectUris(Application application, RedirectPlatform platform, List<string> uris)
    {
        switch (platform)
        {
            case RedirectPlatform.Web:
                application.WebRedirectUris = uris;
                break;
            case RedirectPlatform.Spa:
                application.SpaRedirectUris = uris;
                break;
            case RedirectPlatform.PublicClient:
                application.PublicClientRedirectUris = uris;
                break;
        }
    }

    private static int RedirectUriCount(Application application) =>
        application.WebRedirectUris.Count + application.SpaRedirectUris.Count + application.PublicClientRedirectUris.Count;

    private static int RedirectUriLimit(string signInAudience) =>
        signInAudience is Application.MultiTenantAndPersonal or Application.PersonalOnly ? MaximumRedirectUrisWithPersonalAccounts : MaximumRedirectUris;

    private static string PlatformName(RedirectPlatform platform) => platform switch
    {
        RedirectPlatform.Spa => "single-page application",
        RedirectPlatform.PublicClient => "mobile and desktop",
        _ => "web",
    };

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>What "Branding" saves.</summary>
internal sealed record ApplicationBranding(string DisplayName, string? HomePageUrl);

/// <summary>What "Authentication" saves besides the redirect URIs, which are added and removed one at a time.</summary>
internal sealed record AuthenticationSettings(
    string? LogoutUrl, string SignInAudience, bool AllowPublicClientFlows, bool EnableIdTokenIssuance = false, bool EnableAccessTokenIssuance = false)
{
    public static AuthenticationSettings Of(Application application) =>
        new(application.WebLogoutUrl, application.SignInAudience, application.IsFallbackPublicClient, application.EnableIdTokenIssuance,
            application.EnableAccessTokenIssuance);
}
