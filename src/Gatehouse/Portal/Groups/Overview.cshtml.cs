using Gatehouse.Data;
using Gatehouse.DirectoryObjects.Groups;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Portal.Groups;

/// <summary>A group's Overview: its properties and how many members and owners it has, and Delete, confirmed first.</summary>
internal sealed class OverviewModel(GroupMemberships groups, GatehouseDb db) : GroupBladeModel(groups)
{
    public override string Blade => "Overview";

    [BindProperty(SupportsGet = true)]
    public string? Confirm { get; set; }

    public int MemberCount { get; private set; }

    public int OwnerCount { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await OpenAsync() is { } missing)
        {
            return missing;
        }

        MemberCount = await db.GroupMembers.CountAsync(m => m.GroupId == Group.Id, HttpContext.RequestAborted);
        OwnerCount = await db.GroupOwners.CountAsync(o => o.GroupId == Group.Id, HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync()
    {
        if (await OpenAsync() is { } missing)
        {
            return missing;
        }

        var deleted = await Groups.DeleteAsync(User.TenantId(), Group.Id, HttpContext.RequestAborted);
        if (!deleted.Succeeded)
        {
            Refused(deleted.Error.Message);
            return Page();
        }

        Message = $"Deleted group {Group.DisplayName}.";
        return Redirect("/groups");
    }
}
