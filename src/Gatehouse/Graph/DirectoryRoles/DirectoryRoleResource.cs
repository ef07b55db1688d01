using Gatehouse.Data;
using Gatehouse.DirectoryObjects.Roles;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Graph.DirectoryRoles;

/// <summary>
/// The directoryRole resource: the built-in roles Gatehouse knows, all activated in every tenant. A role's id is its
/// roleTemplateId (Entra gives the activated role an id of its own; scripts that look roles up by template still work).
/// </summary>
internal static class DirectoryRoleResource
{
    public static GraphShape<DirectoryRoleTemplate> Shape { get; } = new GraphShape<DirectoryRoleTemplate>("directoryRole")
        .Add("id", r => r.Id)
        .Add("deletedDateTime", _ => null)
        .Add("description", r => r.Description)
        .Add("displayName", r => r.DisplayName)
        .Add("roleTemplateId", r => r.Id);

    public static IEnumerable<DirectoryRoleTemplate> Activated => DirectoryRoleTemplate.All.OrderBy(r => r.Id);

    public static DirectoryRoleTemplate? Find(string id) =>
        Guid.TryParse(id, out var roleId) ? DirectoryRoleTemplate.All.FirstOrDefault(r => r.Id == roleId) : null;

    /// <summary>The roles a principal holds directly in the tenant.</summary>
    public static async Task<List<DirectoryRoleTemplate>> HeldByAsync(GatehouseDb db, Guid tenantId, Guid principalId, CancellationToken cancellationToken)
    {
        var held = await db.DirectoryRoleMembers.AsNoTracking()
            .Where(m => m.TenantId == tenantId && m.PrincipalId == principalId)
            .Select(m => m.RoleTemplateId)
            .ToListAsync(cancellationToken);
        return [.. Activated.Where(r => held.Contains(r.Id))];
    }
}
