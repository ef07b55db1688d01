using Gatehouse.Data;
using Gatehouse.DirectoryObjects.Groups;
using Gatehouse.DirectoryObjects.Users;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Portal.Users;

/// <summary>Groups: the groups the user is a direct member of, by name.</summary>
internal sealed class GroupsModel(UserAccounts users, GatehouseDb db) : UserBladeModel(users)
{
    public override string Blade => "Groups";

    public IReadOnlyList<Group> Groups { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (await OpenAsync() is { } missing)
        {
            return missing;
        }

        Groups = await db.Groups.AsNoTracking()
            .Where(g => g.TenantId == Person.TenantId && db.GroupMembers.Any(m => m.GroupId == g.Id && m.MemberId == Person.Id))
            .OrderBy(g => g.NormalizedDisplayName).ThenBy(g => g.Id)
            .ToListAsync(HttpContext.RequestAborted);
        return Page();
    }
}
