using Gatehouse.DirectoryObjects.Groups;

namespace Gatehouse.Portal.Groups;

/// <summary>What every blade of one group shares: the group from the route, in the signed-in administrator's tenant.</summary>
internal abstract class GroupBladeModel(GroupMemberships groups) : ObjectBladeModel<Group>
{
    public override (string Name, string Path) Parent => ("Groups", "/groups");

    public override IReadOnlyList<(string? Group, IReadOnlyList<(string Blade, string Path)> Items)> Sections { get; } =
    [
        (null, [("Overview", "")]),
        ("Manage", [("Members", "/members"), ("Owners", "/owners")]),
    ];

    public Group Group => Shown;

    protected GroupMemberships Groups => groups;

    protected override Task<Group?> FindAsync(Guid tenantId, CancellationToken cancellationToken) => groups.FindAsync(tenantId, Id, cancellationToken);

    protected override string NameOf(Group found) => found.DisplayName;
}
