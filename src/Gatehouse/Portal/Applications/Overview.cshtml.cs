using Gatehouse.Dataverse;
using Gatehouse.Dataverse.Security;
using Gatehouse.Dataverse.Tables;
using Gatehouse.Dataverse.Users;
using Gatehouse.DirectoryObjects.Applications;
using Gatehouse.DirectoryObjects.Roles;
using Gatehouse.Identity.Protocol;
using Microsoft.AspNetCore.Mvc;

namespace Gatehouse.Portal.Applications;

/// <summary>
/// Overview: the essentials a developer copies (client ID, tenant ID), this tenant's endpoints, and whether the app
/// is an application user of the tenant's Dataverse environment (which a Global Administrator may make it).
/// </summary>
internal sealed class OverviewModel(
    PortalAccess access, ApplicationRegistrations applications, IssuerUrls urls,
    ApplicationUsers applicationUsers, DataverseEnvironments environments, DirectoryRoleAssignments directoryRoles) : AppBladeModel(access)
{
    public override string Blade => "Overview";

    public Guid TenantId => User.TenantId();

    public string AccountTypes => RegisterModel.AccountTypes.FirstOrDefault(t => t.Value == App.SignInAudience).Label ?? App.SignInAudience;

    public string Credentials => $"{App.KeyCredentials.Count} certificate{(App.KeyCredentials.Count == 1 ? "" : "s")}, {App.PasswordCredentials.Count} secret{(App.PasswordCredentials.Count == 1 ? "" : "s")}";

    public string RedirectUris => $"{App.WebRedirectUris.Count} web, {App.SpaRedirectUris.Count} spa, {App.PublicClientRedirectUris.Count} public client";

    public IEnumerable<(string Name, string Url, string Key)> Endpoints
    {
        get
        {
            var tenant = TenantId.ToString();
            yield return ("OAuth 2.0 authorization endpoint (v2)", urls.V2Endpoint(tenant, "authorize"), "authorize-v2");
            yield return ("OAuth 2.0 token endpoint (v2)", urls.V2Endpoint(tenant, "token"), "token-v2");
            yield return ("OAuth 2.0 authorization endpoint (v1)", urls.V1Endpoint(tenant, "authorize"), "authorize-v1");
            yield return ("OAuth 2.0 token endpoint (v1)", urls.V1Endpoint(tenant, "token"), "token-v1");
            yield return ("OpenID Connect metadata document", urls.V2Discovery(tenant), "metadata");
            yield return ("JSON Web Key Set (signing keys)", urls.V2Keys(tenant), "keys");
        }
    }

    /// <summary>Delete asks first, as the portal does; the app stays restorable for 30 days either way.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Confirm { get; set; }

    public string? EnvironmentUrl { get; private set; }

    public SystemUser? ApplicationUser { get; private set; }

    public bool CanAddApplicationUser { get; private set; }

    /// <summary>What adding the application user did, shown once on the page its POST redirected to.</summary>
    [TempData]
    public string? Message { get; set; }

    [BindProperty]
    public string? SecurityRoleName { get; set; }

    public static IEnumerable<string> SecurityRoles => SecurityRole.All.Select(r => r.Name);

    public static string RoleName(SystemUserRole role) => SecurityRole.Find(role.RoleId)?.Name ?? role.RoleId.ToString();

    public async Task<IActionResult> OnGetAsync() => await OpenAsync() ?? await ShowAsync();

    public async Task<IActionResult> OnPostApplicationUserAsync()
    {
        if (await OpenAsync() is { } refused)
        {
            return refused;
        }

        if (!await IsGlobalAdministratorAsync())
        {
            return Refuse(PortalRefusal.NotAdministrator);
        }

        var added = await applicationUsers.AddAsync(User.TenantId(), App.AppId.ToString(), SecurityRoleName ?? "", HttpContext.RequestAborted);
        Message = added.Succeeded ? $"{App.DisplayName} is an application user with {SecurityRoleName}." : added.Error.Message;
        return Redirect($"/applications/{App.Id}");
    }

    private async Task<IActionResult> ShowAsync()
    {
        EnvironmentUrl = (await environments.FindAsync(User.TenantId(), HttpContext.RequestAborted))?.Url;
        ApplicationUser = await applicationUsers.FindAsync(User.TenantId(), App.AppId, HttpContext.RequestAborted);
        CanAddApplicationUser = await IsGlobalAdministratorAsync();
        return Page();
    }

    // Application users act on the environment's data with their roles: making one is for a Global Administrator.
    private Task<bool> IsGlobalAdministratorAsync() =>
        directoryRoles.HoldsAnyAsync(User.TenantId(), User.UserId(), [DirectoryRoleTemplate.GlobalAdministrator], HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostDeleteAsync()
    {
        if (await OpenAsync() is { } refused)
        {
            return refused;
        }

        await applications.DeleteAsync(User.TenantId(), App.Id.ToString(), HttpContext.RequestAborted);
        return Redirect("/applications");
    }
}
