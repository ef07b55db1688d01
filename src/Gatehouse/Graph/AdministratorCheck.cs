using Gatehouse.DirectoryObjects.Roles;

namespace Gatehouse.Graph;

/// <summary>
/// The signed-in user's part of a delegated permission (issue 6: scp intersected with what the user may do): an
/// operation Entra reserves for administrators also needs one of the directory roles that allow it. App-only callers
/// are limited by their application permissions alone.
/// </summary>
internal sealed class AdministratorCheck(DirectoryRoleAssignments roles)
{
    public async Task<bool> HoldsAnyAsync(GraphRequest request, IEnumerable<DirectoryRoleTemplate> templates, CancellationToken cancellationToken) =>
        request.Caller.UserId is not { } signedIn || await roles.HoldsAnyAsync(request.TenantId, signedIn, templates, cancellationToken);

    public Task<bool> IsGlobalAdministratorOrAppAsync(GraphRequest request, CancellationToken cancellationToken) =>
        HoldsAnyAsync(request, [DirectoryRoleTemplate.GlobalAdministrator], cancellationToken);
}
