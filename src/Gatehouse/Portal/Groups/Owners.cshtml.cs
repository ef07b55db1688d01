using Gatehouse.Data;
using Gatehouse.DirectoryObjects;
using Gatehouse.DirectoryObjects.Groups;
using Gatehouse.DirectoryObjects.Users;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Portal.Groups;

/// <summary>Owners: the users and service principals who may manage the group besides the administrators.</summary>
internal sealed class OwnersModel(GroupMemberships groups, UserAccounts users, PrincipalNames names, GatehouseDb db) : GroupPrincipalsModel(groups, users, names)
{
    public override string Blade => "Owners";

    public override string Noun => "owner";

    public override string AddHint => "A user's principal name (alias@domain), or the object ID of a user or service principal of this directory.";

    protected override async Task<IReadOnlyCollection<(Guid Id, DirectoryObjectType Type)>> ListAsync() =>
        [.. (await db.GroupOwners.AsNoTracking().Where(o => o.GroupId == Group.Id).OrderBy(o => o.OwnerId).ToListAsync(HttpContext.RequestAborted))
            .Select(o => (o.OwnerId, o.OwnerType))];

    protected override async Task<DirectoryError?> AddAsync(Guid principalId)
    {
        var added = await Groups.AddOwnerAsync(User.TenantId(), Group.Id, principalId, HttpContext.RequestAborted);
        return added.Succeeded ? null : added.Error;
    }

    protected override Task<bool> RemoveAsync(Guid principalId) => Groups.RemoveOwnerAsync(Group.Id, principalId, HttpContext.RequestAborted);
}
