using Gatehouse.DirectoryObjects.Users;

namespace Gatehouse.Portal.Users;

/// <summary>What every blade of one user shares: the user from the route, in the signed-in administrator's tenant.</summary>
internal abstract class UserBladeModel(UserAccounts users) : ObjectBladeModel<User>
{
    public override (string Name, string Path) Parent => ("Users", "/users");

    public override IReadOnlyList<(string? Group, IReadOnlyList<(string Blade, string Path)> Items)> Sections { get; } =
    [
        (null, [("Overview", "")]),
        ("Manage", [("Edit properties", "/edit"), ("Assigned roles", "/roles"), ("Groups", "/groups")]),
    ];

    public User Person => Shown;

    protected UserAccounts Users => users;

    protected override Task<User?> FindAsync(Guid tenantId, CancellationToken cancellationToken) => users.FindAsync(tenantId, Id.ToString(), cancellationToken);

    protected override string NameOf(User found) => found.DisplayName;
}
