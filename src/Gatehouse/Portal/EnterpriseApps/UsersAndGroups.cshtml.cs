using Gatehouse.DirectoryObjects;
using Gatehouse.DirectoryObjects.Applications;
using Gatehouse.DirectoryObjects.Consent;
using Gatehouse.DirectoryObjects.Groups;
using Gatehouse.DirectoryObjects.Permissions;
using Gatehouse.DirectoryObjects.ServicePrincipals;
using Gatehouse.DirectoryObjects.Users;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gatehouse.Portal.EnterpriseApps;

/// <summary>
/// Users and groups: who is assigned to the app and with which of its app roles (Graph's appRoleAssignedTo); Add
/// assignment assigns a user or a group one role, Remove takes an assignment away.
/// </summary>
internal sealed class UsersAndGroupsModel(
    ServicePrincipalDirectory servicePrincipals, AppRoleAssignments assignments, ApiResources resources, PrincipalNames names,
    UserAccounts users, GroupMemberships groups) : EnterpriseAppBladeModel(servicePrincipals)
{
    public override string Blade => "Users and groups";

    [BindProperty(SupportsGet = true, Name = "add")]
    public bool Adding { get; set; }

    /// <summary>A user's principal name, a group's name, or either's object ID.</summary>
    [BindProperty]
    public string? Assignee { get; set; }

    [BindProperty]
    public Guid RoleId { get; set; }

    /// <summary>The roles users and groups may be assigned; "Default Access" when the app defines none.</summary>
    public IReadOnlyList<AppRole> Roles { get; private set; } = [];

    public IReadOnlyList<(AppRoleAssignment Assignment, PrincipalSummary Principal, string Role)> Assigned { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync() => await OpenAsync() ?? await ShowAsync();

    public async Task<IActionResult> OnPostAddAsync()
    {
        if (await OpenAsync() is { } missing)
        {
            return missing;
        }

        var principal = await FindAssigneeAsync(Assignee?.Trim() ?? "");
        var granted = principal.Succeeded
            ? await assignments.GrantAsync(User.TenantId(), principal.Value, Principal.Id, RoleId, HttpContext.RequestAborted)
            : principal.Error;
        if (!granted.Succeeded)
        {
            Refused(granted.Error.Message);
            Adding = true;
            return await ShowAsync();
        }

        return Done($"Assigned {Assignee?.Trim()}.", "/users");
    }

    public async Task<IActionResult> OnPostRemoveAsync(string assignmentId)
    {
        if (await OpenAsync() is { } missing)
        {
            return missing;
        }

        var revoked = await assignments.RevokeAsync(User.TenantId(), Principal.Id, assignmentId ?? "", HttpContext.RequestAborted);
        return Done(revoked.Succeeded ? "Removed the assignment." : "That assignment was already removed.", "/users");
    }

    private async Task<Outcome<Guid, DirectoryError>> FindAssigneeAsync(string assignee)
    {
        if (Guid.TryParse(assignee, out var id))
        {
            return id;
        }

        if (await users.FindAsync(User.TenantId(), assignee, HttpContext.RequestAborted) is { } user)
        {
            return user.Id;
        }

        var group = await groups.ResolveAsync(User.TenantId(), assignee, HttpContext.RequestAborted);
        return group.Succeeded ? group.Value.Id : DirectoryError.NotFound($"No user or group '{assignee}' in this directory.");
    }

    private async Task<PageResult> ShowAsync()
    {
        var definition = await resources.FindByAppIdAsync(Principal.AppId, HttpContext.RequestAborted);
        var appRoles = definition?.AppRoles ?? [];
        var forPeople = appRoles.Where(r => r.IsEnabled && r.AllowedMemberTypes.Contains("User")).ToList();
        Roles = forPeople.Count > 0 ? forPeople : [DefaultAccess];
        var held = (await assignments.ListAsync(User.TenantId(), Principal.Id, held: false, HttpContext.RequestAborted))
            .Where(a => a.PrincipalType is DirectoryObjectType.User or DirectoryObjectType.Group).ToList();
        var described = await names.DescribeAsync(User.TenantId(), [.. held.Select(a => (a.PrincipalId, a.PrincipalType))], HttpContext.RequestAborted);
        Assigned = [.. held.Zip(described, (a, p) => (a, p, appRoles.FirstOrDefault(r => r.Id == a.AppRoleId)?.DisplayName ?? DefaultAccess.DisplayName))];
        return Page();
    }

    private static AppRole DefaultAccess { get; } = new() { Id = AppRoleAssignments.DefaultAccess, DisplayName = "Default Access", Value = "" };
}
