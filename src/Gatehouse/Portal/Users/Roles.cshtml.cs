using Gatehouse.DirectoryObjects.Roles;
using Gatehouse.DirectoryObjects.Users;
using Microsoft.AspNetCore.Mvc;

namespace Gatehouse.Portal.Users;

/// <summary>Assigned roles: the directory roles the user holds directly.</summary>
internal sealed class RolesModel(UserAccounts users, DirectoryRoleAssignments roles) : UserBladeModel(users)
{
    public override string Blade => "Assigned roles";

    public IReadOnlyList<DirectoryRoleTemplate> Roles { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (await OpenAsync() is { } missing)
        {
            return missing;
        }

        Roles = await roles.RolesOfAsync(User.TenantId(), Person.Id, HttpContext.RequestAborted);
        return Page();
    }
}
