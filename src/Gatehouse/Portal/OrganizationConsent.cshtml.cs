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
/// "Accept for your organization", where the admin consent endpoint sends the signed-in person: an administrator grants
/// the app's permissions for every user of their tenant (everything it requests, or the delegated scopes the request
/// named); anyone else sees "Need admin approval". Either way the person goes back to the admin consent request.
/// </summary>
[Authorize]
internal sealed class OrganizationConsentModel(GatehouseDb db, ApiPermissions permissions, ApiResources resources, AdminConsent adminConsent, PortalAccess access)
    : PageModel
{
    [BindProperty(SupportsGet = true, Name = "client_id")]
    public Guid ClientId { get; set; }

    [BindProperty(SupportsGet = true, Name = "resource")]
    public Guid? ResourceAppId { get; set; }

    [BindProperty(SupportsGet = true, Name = "scope")]
    public string? Scope { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string ClientName { get; private set; } = "";

    public IReadOnlyList<RequestedPermission> Permissions { get; private set; } = [];

    public bool IsAdministrator { get; private set; }

    public async Task<IActionResult> OnGetAsync() =>
        await LoadAsync() is not null ? Page() : RedirectToPage("/Denied");

    public async Task<IActionResult> OnPostAcceptAsync()
    {
        if (await LoadAsync() is not { } application)
        {
            return RedirectToPage("/Denied");
        }

        if (!IsAdministrator)
        {
            return Back(ConsentOutcome.NeedsAdmin);
        }

        var tenantId = User.TenantId();
        if (ResourceAppId is { } resourceAppId)
        {
            await adminConsent.GrantScopesAsync(tenantId, application, resourceAppId, [.. Permissions.Select(p => p.Value)], HttpContext.RequestAborted);
        }
        else
        {
            await adminConsent.GrantAsync(application, tenantId, HttpContext.RequestAborted);
        }

        return Back(ConsentOutcome.Granted);
    }

    public async Task<IActionResult> OnPostCancelAsync() =>
        await LoadAsync() is not null ? Back(IsAdministrator ? ConsentOutcome.Declined : ConsentOutcome.NeedsAdmin) : RedirectToPage("/Denied");

    // Only back to this server's admin consent endpoint: the page must not become an open redirect.
    private LocalRedirectResult Back(string outcome) => LocalRedirect($"{ReturnUrl}&{ConsentOutcome.Parameter}={outcome}");

    /// <summary>Loads what the page shows; the app to consent for, or null when the request is not one this page answers.</summary>
    private async Task<Application?> LoadAsync()
    {
        if (ReturnUrl is null || !Url.IsLocalUrl(ReturnUrl) || !ReturnUrl.Contains("/adminconsent?", StringComparison.Ordinal))
        {
            return null;
        }

        var tenantId = User.TenantId();
        var application = await db.Applications.AsNoTracking().FirstOrDefaultAsync(a => a.AppId == ClientId, HttpContext.RequestAborted);
        if (application is null || (application.SignInAudience == Application.SingleTenant && application.TenantId != tenantId))
        {
            return null;
        }

        if (ResourceAppId is { } resourceAppId)
        {
            var resource = await resources.FindByAppIdAsync(resourceAppId, HttpContext.RequestAborted);
            var names = (Scope ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var scopes = resource?.DelegatedPermissions.Where(p => names.Contains(p.Value, StringComparer.Ordinal)).ToList() ?? [];
            if (resource is null || scopes.Count == 0 || scopes.Count != names.Distinct(StringComparer.Ordinal).Count())
            {
                return null;
            }

            Permissions = [.. scopes.Select(s => new RequestedPermission(
                resource.AppId, resource.DisplayName, s.Id, s.Value, PermissionKind.Delegated, s.AdminConsentDisplayName, s.Type == PermissionScope.AdminConsent))];
        }
        else
        {
            Permissions = await permissions.ListAsync(application, HttpContext.RequestAborted);
        }

        ClientName = application.DisplayName;
        IsAdministrator = await access.IsAppAdministratorAsync(User, HttpContext.RequestAborted);
        return application;
    }
}
