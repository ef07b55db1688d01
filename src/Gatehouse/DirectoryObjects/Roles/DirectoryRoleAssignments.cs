using Gatehouse.Data;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.DirectoryObjects.Roles;

/// <summary>Who holds which directory role.</summary>
internal sealed class DirectoryRoleAssignments(GatehouseDb db, DirectoryObjectTypes objectTypes)
{
    public async Task<Outcome<DirectoryRoleMember, DirectoryError>> AddMemberAsync(
        Guid tenantId, DirectoryRoleTemplate role, Guid principalId, CancellationToken cancellationToken)
    {
        if (await objectTypes.FindAsync(tenantId, principalId, cancellationToken) is not { } principalType)
        {
            return DirectoryError.NotFound($"Directory object {principalId} was not found.");
        }

        var existing = await db.DirectoryRoleMembers.FirstOrDefaultAsync(
            m => m.TenantId == tenantId && m.RoleTemplateId == role.Id && m.PrincipalId == principalId, cancellationToken);
        if (existing is not null)
        {
            return existing;
        }

        var member = new DirectoryRoleMember
        {
            TenantId = tenantId,
            RoleTemplateId = role.Id,
            PrincipalId = principalId,
            PrincipalType = principalType,
        };
        db.DirectoryRoleMembers.Add(member);
        await db.SaveChangesAsync(cancellationToken);
        return member;
    }

    /// <summary>Removed through the change tracker, so that the save writes "Remove member from role" as adding writes its entry.</summary>
    public async Task<bool> RemoveMemberAsync(Guid tenantId, DirectoryRoleTemplate role, Guid principalId, CancellationToken cancellationToken)
    {
        var members = await db.DirectoryRoleMembers
            .Where(m => m.TenantId == tenantId && m.RoleTemplateId == role.Id && m.PrincipalId == principalId)
            .ToListAsync(cancellationToken);
        db.DirectoryRoleMembers.RemoveRange(members);
        await db.SaveChangesAsync(cancellationToken);
        return members.Count > 0;
    }

    /// <summary>The roles the principal holds directly, by name.</summary>
    public async Task<List<DirectoryRoleTemplate>> RolesOfAsync(Guid tenantId, Guid principalId, CancellationToken cancellationToken)
    {
        var ids = await db.DirectoryRoleMembers.Where(m => m.TenantId == tenantId && m.PrincipalId == principalId).Select(m => m.RoleTemplateId).ToListAsync(cancellationToken);
        return [.. DirectoryRoleTemplate.All.Where(r => ids.Contains(r.Id))];
    }

    /// <summary>Whether the principal holds any of the roles directly or through a group it belongs to.</summary>
    public Task<bool> HoldsAnyAsync(Guid tenantId, Guid principalId, IEnumerable<DirectoryRoleTemplate> roles, CancellationToken cancellationToken)
    {
        var roleIds = roles.Select(r => r.Id).ToList();
        var groupIds = db.GroupMembers.Where(m => m.MemberId == principalId).Select(m => m.GroupId);
        return db.DirectoryRoleMembers.AnyAsync(
            m => m.TenantId == tenantId && roleIds.Contains(m.RoleTemplateId)
                && (m.PrincipalId == principalId || groupIds.Contains(m.PrincipalId)),
            cancellationToken);
    }
}
