using Gatehouse.DirectoryObjects.Users;

namespace Gatehouse.Portal.Users;

/// <summary>All users: searched by the start of a display name or user principal name, a keyset page at a time.</summary>
internal sealed class IndexModel(UserAccounts users) : DirectoryListModel<User>
{
    protected override (string Title, string Path) List => ("Users", "/users");

    protected override Task<List<User>> FetchAsync(string? search, int top, Guid? after) =>
        users.ListAsync(User.TenantId(), search, top, HttpContext.RequestAborted, after);

    protected override Guid IdOf(User item) => item.Id;
}
