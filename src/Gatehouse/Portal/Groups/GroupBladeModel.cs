using Gatehouse.DirectoryObjects.Groups;
using Microsoft.AspNetCore.Mvc;

namespace Gatehouse.Portal.Groups;

/// <summary>What every blade of one group shares: the group from the route, in the signed-in administrator's tenant.</summary>
internal abstract class GroupBladeModel(GroupMemberships groups) : ObjectBladeModel
{
    public override (string Name, string Path) Parent => ("Groups", "/groups");

    public override IReadOnlyList<(string? Group, IReadOnlyList<(string Blade, string Path)> Items)> Sections { get; } =
    [
        (null, [("Overview", "")]),
        ("Manage", [("Members", "/members"), ("Owners", "/owners")]),
    ];

    public Group Group { get; private set; } = null!;

    protected GroupMemberships Groups => groups;

    /// <summary>Loads the group; the not-found page when there is none in this tenant.</summary>
    protected async Task<IActionResult?> OpenAsync()
    {
        if (await groups.FindAsync(User.TenantId(), Id, HttpContext.RequestAborted) is not { } group)
        {
            return NotFoundPage();
        }

        Group = group;
        Named(group.DisplayName);
        return null;
    }
}
