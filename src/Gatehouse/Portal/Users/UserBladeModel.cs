using Gatehouse.DirectoryObjects.Users;
using Microsoft.AspNetCore.Mvc;

namespace Gatehouse.Portal.Users;

/// <summary>What every blade of one user shares: the user from the route, in the signed-in administrator's tenant.</summary>
internal abstract class UserBladeModel(UserAccounts users) : ObjectBladeModel
{
    public override (string Name, string Path) Parent => ("Users", "/users");

    public override IReadOnlyList<(string? Group, IReadOnlyList<(string Blade, string Path)> Items)> Sections { get; } =
    [
        (null, [("Overview", "")]),
        ("Manage", [("Edit properties", "/edit"), ("Assigned roles", "/roles"), ("Groups", "/groups")]),
    ];

    public User Person { get; private set; } = null!;

    protected UserAccounts Users => users;

    /// <summary>Loads the user; the not-found page when there is none in this tenant.</summary>
    protected async Task<IActionResult?> OpenAsync()
    {
        if (await users.FindAsync(User.TenantId(), Id.ToString(), HttpContext.RequestAborted) is not { } person)
        {
            return NotFoundPage();
        }

        Person = person;
        Named(person.DisplayName);
        return null;
    }
}
