using Gatehouse.Data;
using Gatehouse.DirectoryObjects.Consent;
using Gatehouse.DirectoryObjects.Permissions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Portal.Applications;

/// <summary>API permissions: what the app requests, grouped by API, and whether each is granted for the directory.</summary>
internal sealed class PermissionsModel(PortalAccess access, AdminConsent consent, ApiPermissions permissions, GatehouseDb db) : AppBladeModel(access)
{
    public override string Blade => "API permissions";

    [BindProperty(SupportsGet = true)]
    public string? Confirm { get; set; }

    public IReadOnlyList<PermissionGrantStatus> Status { get; private set; } = [];

    public bool CanGrant { get; private set; }

    public string TenantName { get; private set; } = "";

    /// <summary>What the last grant, revoke or removal did, shown once on the page its POST redirected to.</summary>
    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync() => await OpenAsync() ?? await ShowAsync();

    public async Task<IActionResult> OnPostGrantAsync() =>
        await AsAdministratorAsync(async () => (await consent.GrantAsync(App, User.TenantId(), HttpContext.RequestAborted)).Error?.Message
            ?? $"Successfully granted admin consent for the requested permissions.");

    public async Task<IActionResult> OnPostRevokeAsync() =>
        await AsAdministratorAsync(async () => (await consent.RevokeAsync(App, User.TenantId(), HttpContext.RequestAborted)).Error?.Message
            ?? "Admin consent was revoked for the requested permissions.");

    public async Task<IActionResult> OnPostRemoveAsync(Guid resourceAppId, Guid permissionId, PermissionKind type)
    {
        if (await OpenAsync() is { } refused)
        {
            return refused;
        }

        var removed = await permissions.RemoveAsync(App, resourceAppId.ToString(), permissionId.ToString(), type, HttpContext.RequestAborted);
        return Done(removed.Succeeded ? $"Removed {removed.Value.Value}." : removed.Error.Message);
    }

    private async Task<IActionResult> AsAdministratorAsync(Func<Task<string>> act)
    {
        if (await OpenAsync() is { } refused)
        {
            return refused;
        }

        if (!await Access.IsAppAdministratorAsync(User, HttpContext.RequestAborted))
        {
            return Refuse(PortalRefusal.NotAdministrator);
        }

        return Done(await act());
    }

    private RedirectResult Done(string message)
    {
        Message = message;
        return Redirect($"/applications/{App.Id}/permissions");
    }

    private async Task<IActionResult> ShowAsync()
    {
        var tenantId = User.TenantId();
        Status = await consent.StatusAsync(App, tenantId, HttpContext.RequestAborted);
        CanGrant = await Access.IsAppAdministratorAsync(User, HttpContext.RequestAborted);
        TenantName = await db.Tenants.Where(t => t.Id == tenantId).Select(t => t.DisplayName).SingleAsync(HttpContext.RequestAborted);
        return Page();
    }
}
