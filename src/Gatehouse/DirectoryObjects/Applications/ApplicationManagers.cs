using Gatehouse.Data;
using Gatehouse.DirectoryObjects.Roles;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.DirectoryObjects.Applications;

/// <summary>
/// Who may register and manage app registrations, as in Entra: Global, Application and Cloud Application Administrators
/// manage every app; anyone may register apps when the tenant allows it (Application Developers always may) and manage
/// the apps they own. The portal and the Graph surface both ask here.
/// </summary>
internal sealed class ApplicationManagers(GatehouseDb db, DirectoryRoleAssignments roles)
{
    public static IReadOnlyList<DirectoryRoleTemplate> Administrators { get; } =
    [
        DirectoryRoleTemplate.GlobalAdministrator, DirectoryRoleTemplate.ApplicationAdministrator, DirectoryRoleTemplate.CloudApplicationAdministrator,
    ];

    public Task<bool> IsAdministratorAsync(Guid tenantId, Guid userId, CancellationToken cancellationToken) =>
        roles.HoldsAnyAsync(tenantId, userId, Administrators, cancellationToken);

    public async Task<bool> MayRegisterAsync(Guid tenantId, Guid userId, CancellationToken cancellationToken) =>
        await db.Tenants.AnyAsync(t => t.Id == tenantId && t.UsersCanRegisterApplications, cancellationToken)
        || await roles.HoldsAnyAsync(tenantId, userId, [.. Administrators, DirectoryRoleTemplate.ApplicationDeveloper], cancellationToken);

    /// <summary>Whether the principal owns the app or administers every app. The app must have been loaded with its owners.</summary>
    public async Task<bool> MayManageAsync(Application application, Guid principalId, CancellationToken cancellationToken) =>
        application.Owners.Any(o => o.OwnerId == principalId) || await IsAdministratorAsync(application.TenantId, principalId, cancellationToken);
}
