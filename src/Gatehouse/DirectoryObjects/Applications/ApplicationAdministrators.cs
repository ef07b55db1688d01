using Gatehouse.Data;
using Gatehouse.DirectoryObjects.Roles;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.DirectoryObjects.Applications;

/// <summary>"Roles and administrators": the directory roles that reach app registrations, and who holds each directly.</summary>
internal sealed class ApplicationAdministrators(GatehouseDb db, PrincipalNames names)
{
    public static IReadOnlyList<DirectoryRoleTemplate> Roles { get; } =
    [
        DirectoryRoleTemplate.GlobalAdministrator, DirectoryRoleTemplate.ApplicationAdministrator,
        DirectoryRoleTemplate.CloudApplicationAdministrator, DirectoryRoleTemplate.ApplicationDeveloper,
    ];

    /// <summary>Each of <see cref="Roles"/> with its direct members in the tenant (a group holding the role is listed, not expanded).</summary>
    public async Task<IReadOnlyList<RoleHolders>> ListAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        var roleIds = Roles.Select(r => r.Id).ToList();
        var members = await db.DirectoryRoleMembers
            .Where(m => m.TenantId == tenantId && roleIds.Contains(m.RoleTemplateId))
            .ToListAsync(cancellationToken);
        var described = await names.DescribeAsync(tenantId, [.. members.Select(m => (m.PrincipalId, m.PrincipalType))], cancellationToken);
        var byId = described.DistinctBy(p => p.Id).ToDictionary(p => p.Id);
        return
        [
            .. Roles.Select(role => new RoleHolders(role,
            [
                .. members.Where(m => m.RoleTemplateId == role.Id)
                    .Select(m => byId[m.PrincipalId])
                    .OrderBy(p => p.DisplayName, StringComparer.OrdinalIgnoreCase)
                    .ThenBy(p => p.Id),
            ])),
        ];
    }
}

/// <summary>A directory role and its direct members.</summary>
internal sealed record RoleHolders(DirectoryRoleTemplate Role, IReadOnlyList<PrincipalSummary> Members);
