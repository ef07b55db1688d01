using Gatehouse.Data;
using Gatehouse.DirectoryObjects.Applications;
using Gatehouse.DirectoryObjects.Consent;
using Gatehouse.DirectoryObjects.Permissions;
using Gatehouse.Identity.Protocol;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Portal;

/// <summary>
/// "Permissions requested": the authorize endpoint (and the device code page) sends the signed-in person here with the scopes not yet granted.
/// Accept stores them as the person's Principal oauth2PermissionGrant, or, for an administrator who ticks "Consent on
/// behalf of your organization", in the tenant-wide one; a scope only an administrator may grant stops a
/// non-administrator at "Need admin approval". Either way the person goes back to the authorize request.
/// </summary>
[Authorize]
internal sealed class ConsentModel(GatehouseDb db, ApiResources resources, UserConsent consent, AdminConsent adminConsent, PortalAccess access) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "client_id")]
    public Guid ClientId { get; set; }

    [BindProperty(SupportsGet = true, Name = "resource")]
    public Guid ResourceAppId { get; set; }

    [BindProperty(SupportsGet = true, Name = "scope")]
    public string? Scope { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>"Consent on behalf of your organization", offered to administrators.</summary>
    [BindProperty]
    public bool ForOrganization { get; set; }

    public bool IsAdministrator { get; private set; }

    public string ClientName { get; private set; } = "";

    /// <summary>The default domain of the directory the app is registered in, which Entra shows as the app's publisher domain.</summary>
    public string PublisherDomain { get; private set; } = "";

    /// <summary>Registered in another directory than the signed-in person's: a multi-tenant app of another organization.</summary>
    public bool FromAnotherOrganization { get; private set; }

    /// <summary>The app's home page from its Branding, shown as the link under its name.</summary>
    public string? HomePageUrl { get; private set; }

    /// <summary>The logo uploaded in the app's Branding; null when it has none.</summary>
    public string? LogoUrl { get; private set; }

    /// <summary>The tile standing for the app's logo when it has none: the first letters of its name's first two words.</summary>
    public string Initials => string.Concat(ClientName.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(2).Select(word => char.ToUpperInvariant(word[0])));

    public string ResourceName { get; private set; } = "";

    public IReadOnlyList<PermissionScope> Permissions { get; private set; } = [];

    public bool NeedsAdminApproval { get; private set; }

    public async Task<IActionResult> OnGetAsync() =>
        await LoadAsync() is not null ? Page() : RedirectToPage("/Denied");

    public async Task<IActionResult> OnPostAcceptAsync()
    {
        if (await LoadAsync() is not { } returnUrl)
        {
            return RedirectToPage("/Denied");
        }

        if (NeedsAdminApproval)
        {
            return Back(returnUrl, ConsentOutcome.NeedsAdmin);
        }

        var scopes = Permissions.Select(p => p.Value).ToList();
        var application = await db.Applications.AsNoTracking().FirstAsync(a => a.AppId == ClientId, HttpContext.RequestAborted);
        if (ForOrganization && IsAdministrator)
        {
            await adminConsent.GrantScopesAsync(User.TenantId(), application, ResourceAppId, scopes, HttpContext.RequestAborted);
        }
        else
        {
            await consent.GrantAsync(User.TenantId(), application, ResourceAppId, User.UserId(), scopes, HttpContext.RequestAborted);
        }

        return Back(returnUrl, null);
    }

    public async Task<IActionResult> OnPostCancelAsync() =>
        await LoadAsync() is { } returnUrl
            ? Back(returnUrl, NeedsAdminApproval ? ConsentOutcome.NeedsAdmin : ConsentOutcome.Declined)
            : RedirectToPage("/Denied");

    // Only back to this server's authorize endpoint: the page must not become an open redirect.
    private LocalRedirectResult Back(string returnUrl, string? outcome) =>
        LocalRedirect(outcome is null ? returnUrl : $"{returnUrl}&{ConsentOutcome.Parameter}={outcome}");

    // An authorize request, or the device code page: the two places consent is asked for.
    private static bool ReturnsToSignIn(string returnUrl) =>
        returnUrl.Contains("/oauth2/v2.0/authorize?", StringComparison.Ordinal)
        || returnUrl.Contains("/oauth2/authorize?", StringComparison.Ordinal)
        || returnUrl.StartsWith("/devicelogin?", StringComparison.Ordinal);

    /// <summary>Loads what the page shows; the URL to return to once it is known to be this server's, else null.</summary>
    private async Task<string?> LoadAsync()
    {
        if (ReturnUrl is not { } returnUrl || !Url.IsLocalUrl(returnUrl) || !ReturnsToSignIn(returnUrl))
        {
            return null;
        }

        var tenantId = User.TenantId();
        var client = await db.Applications.AsNoTracking()
            .Where(a => a.AppId == ClientId
                && (db.ServicePrincipals.Any(sp => sp.TenantId == tenantId && sp.AppId == ClientId && sp.AccountEnabled)
                    || (a.SignInAudience != Application.SingleTenant && !db.ServicePrincipals.Any(sp => sp.TenantId == tenantId && sp.AppId == ClientId))))
            .Select(a => new { a.Id, a.DisplayName, a.TenantId, a.WebHomePageUrl, LogoVersion = db.ApplicationLogos.Where(l => l.ApplicationId == a.Id).Select(l => l.Version).FirstOrDefault() })
            .FirstOrDefaultAsync(HttpContext.RequestAborted);
        var resource = await resources.FindByAppIdAsync(ResourceAppId, HttpContext.RequestAborted);
        if (client is null || resource is null)
        {
            return null;
        }

        var names = (Scope ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var permissions = resource.DelegatedPermissions.Where(p => names.Contains(p.Value, StringComparer.Ordinal)).ToList();
        if (permissions.Count != names.Distinct(StringComparer.Ordinal).Count())
        {
            return null;
        }

        ClientName = client.DisplayName;
        FromAnotherOrganization = client.TenantId != tenantId;
        LogoUrl = Applications.ApplicationLogoEndpoint.Url(client.Id, client.LogoVersion);
        HomePageUrl = Uri.TryCreate(client.WebHomePageUrl, UriKind.Absolute, out var homePage) && homePage.Scheme == Uri.UriSchemeHttps ? client.WebHomePageUrl : null;
        PublisherDomain = await db.Tenants.AsNoTracking().Where(t => t.Id == client.TenantId).SelectMany(t => t.Domains)
            .OrderByDescending(d => d.IsDefault).Select(d => d.Name).FirstOrDefaultAsync(HttpContext.RequestAborted) ?? "";
        ResourceName = resource.DisplayName;
        Permissions = permissions;
        IsAdministrator = await access.IsAppAdministratorAsync(User, HttpContext.RequestAborted);
        NeedsAdminApproval = permissions.Any(p => p.Type == PermissionScope.AdminConsent) && !IsAdministrator;
        return returnUrl;
    }
}
