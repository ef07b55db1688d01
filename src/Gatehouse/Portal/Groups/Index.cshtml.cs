using Gatehouse.DirectoryObjects.Groups;

namespace Gatehouse.Portal.Groups;

/// <summary>All groups: searched by the start of a name, a keyset page at a time.</summary>
internal sealed class IndexModel(GroupMemberships groups) : DirectoryListModel<Group>
{
    protected override (string Title, string Path) List => ("Groups", "/groups");

    protected override Task<List<Group>> FetchAsync(string? search, int top, Guid? after) =>
        groups.ListAsync(User.TenantId(), search, top, HttpContext.RequestAborted, after);

    protected override Guid IdOf(Group item) => item.Id;
}
