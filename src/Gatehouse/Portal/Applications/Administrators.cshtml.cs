using Gatehouse.DirectoryObjects.Applications;
using Gatehouse.DirectoryObjects.Roles;
using Microsoft.AspNetCore.Mvc;

namespace Gatehouse.Portal.Applications;

/// <summary>Roles and administrators: read-only, the directory roles that reach app registrations and who holds each directly.</summary>
internal sealed class AdministratorsModel(PortalAccess access, ApplicationAdministrators administrators, DirectoryRoleAssignments assignments)
    : AppBladeModel(access)
{
    public override string Blade => "Roles and administrators";

    public IReadOnlyList<RoleHolders> Roles { get; private set; } = [];

    /// <summary>The signed-in user's standing on this app: owner, and the roles they hold (directly or through a group).</summary>
    public IReadOnlyList<string> YourRoles { get; private set; } = [];

    /// <summary>
    /// The Application Developer role registers apps regardless of the tenant's setting and so owns them; it does not
    /// reach apps it does not own.
    /// </summary>
    public static string Reach(DirectoryRoleTemplate role) =>
        role == DirectoryRoleTemplate.ApplicationDeveloper ? "Only if an owner" : "Yes";

    public async Task<IActionResult> OnGetAsync()
    {
        if (await OpenAsync() is { } refused)
        {
            return refused;
        }

        var cancellationToken = HttpContext.RequestAborted;
        Roles = await administrators.ListAsync(User.TenantId(), cancellationToken);
        var userId = User.UserId();
        var yours = new List<string>();
        if (App.Owners.Any(o => o.OwnerId == userId))
        {
            yours.Add("Owner");
        }

        foreach (var role in ApplicationAdministrators.Roles)
        {
            if (await assignments.HoldsAnyAsync(User.TenantId(), userId, [role], cancellationToken))
            {
                yours.Add(role.DisplayName);
            }
        }

        YourRoles = yours;
        return Page();
    }
}
