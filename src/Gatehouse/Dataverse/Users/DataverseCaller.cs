using Gatehouse.Dataverse.Security;
using Gatehouse.Dataverse.Tables;

namespace Gatehouse.Dataverse.Users;

/// <summary>The system user a request runs as, and the union of its roles' privileges.</summary>
internal sealed record DataverseCaller(DataverseEnvironment Environment, SystemUser User, IReadOnlyList<SecurityRole> Roles)
{
    public AccessDepth Depth(string table, AccessRight right) =>
        Roles.Count == 0 ? AccessDepth.None : Roles.Max(r => r.Depth(table, right));

    /// <summary>Whether the caller may do this to a row that <paramref name="ownerId"/> owns.</summary>
    public bool May(string table, AccessRight right, Guid ownerId) => Depth(table, right) switch
    {
        AccessDepth.Organization => true,
        AccessDepth.User => ownerId == User.Id,
        _ => false,
    };
}
