using Gatehouse.Data;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.DirectoryObjects;

/// <summary>Names the users, groups and service principals that owner and role-member rows refer to by ID.</summary>
internal sealed class PrincipalNames(GatehouseDb db)
{
    /// <summary>One summary per principal, in the order given; one no longer found keeps its ID as its name.</summary>
    public async Task<IReadOnlyList<PrincipalSummary>> DescribeAsync(
        Guid tenantId, IReadOnlyCollection<(Guid Id, DirectoryObjectType Type)> principals, CancellationToken cancellationToken)
    {
        List<Guid> IdsOf(DirectoryObjectType type) => [.. principals.Where(p => p.Type == type).Select(p => p.Id).Distinct()];

        var userIds = IdsOf(DirectoryObjectType.User);
        var groupIds = IdsOf(DirectoryObjectType.Group);
        var servicePrincipalIds = IdsOf(DirectoryObjectType.ServicePrincipal);
        var found = new Dictionary<Guid, PrincipalSummary>();
        if (userIds.Count > 0)
        {
            var users = await db.Users.Where(u => u.TenantId == tenantId && userIds.Contains(u.Id))
                .Select(u => new PrincipalSummary(u.Id, DirectoryObjectType.User, u.DisplayName, u.UserPrincipalName))
                .ToListAsync(cancellationToken);
            users.ForEach(u => found[u.Id] = u);
        }

        if (groupIds.Count > 0)
        {
            var groups = await db.Groups.Where(g => g.TenantId == tenantId && groupIds.Contains(g.Id))
                .Select(g => new PrincipalSummary(g.Id, DirectoryObjectType.Group, g.DisplayName, null))
                .ToListAsync(cancellationToken);
            groups.ForEach(g => found[g.Id] = g);
        }

        if (servicePrincipalIds.Count > 0)
        {
            var servicePrincipals = await db.ServicePrincipals.Where(sp => sp.TenantId == tenantId && servicePrincipalIds.Contains(sp.Id))
                .Select(sp => new PrincipalSummary(sp.Id, DirectoryObjectType.ServicePrincipal, sp.DisplayName, null))
                .ToListAsync(cancellationToken);
            servicePrincipals.ForEach(sp => found[sp.Id] = sp);
        }

        return [.. principals.Select(p => found.GetValueOrDefault(p.Id) ?? new PrincipalSummary(p.Id, p.Type, p.Id.ToString(), null))];
    }
}

/// <summary>A principal as a list shows it.</summary>
internal sealed record PrincipalSummary(Guid Id, DirectoryObjectType Type, string DisplayName, string? UserPrincipalName);
