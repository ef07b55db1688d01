using Gatehouse.DirectoryObjects.Roles;
using Gatehouse.DirectoryObjects.Users;

namespace Gatehouse.Graph.Users;

/// <summary>
/// DELETE /users/{id or UPN} (docs/protocol/graph-dataverse.md §2.1): 204, and the user is gone for Graph with its
/// memberships, ownerships and role assignments (the directory's user deletion). A signed-in caller must be a Global
/// or User Administrator.
/// </summary>
internal static class UserDeletion
{
    /// <summary>The directory roles that let a signed-in user delete users or set their managers.</summary>
    public static readonly DirectoryRoleTemplate[] UserManagers = [DirectoryRoleTemplate.GlobalAdministrator, DirectoryRoleTemplate.UserAdministrator];

    public static async Task<IResult> DeleteAsync(string id, GraphRequest request, UserAccounts users, AdministratorCheck administrators, CancellationToken cancellationToken)
    {
        var user = await users.FindAsync(request.TenantId, id, cancellationToken);
        if (user is null)
        {
            return GraphErrors.NotFound(id);
        }

        if (!await administrators.HoldsAnyAsync(request, UserManagers, cancellationToken))
        {
            return GraphErrors.AccessDenied();
        }

        var deleted = await users.DeleteAsync(request.TenantId, user.Id, cancellationToken);
        return deleted.Succeeded ? Results.NoContent() : GraphErrors.Directory(deleted.Error);
    }
}
