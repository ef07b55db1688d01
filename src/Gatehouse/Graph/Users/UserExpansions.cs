using System.Text.Json.Nodes;
using Gatehouse.Data;
using Gatehouse.DirectoryObjects.Users;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Graph.Users;

/// <summary>$expand on users: manager (one user) and directReports (up to 20), each read for a whole page in one query.</summary>
internal static class UserExpansions
{
    public static IReadOnlyList<GraphExpansion<User>> For(GatehouseDb db, Guid tenantId) =>
    [
        new("manager", (users, select, ct) => ManagersAsync(db, tenantId, users, select, ct), u => u.Id, SingleValued: true),
        new("directReports", (users, select, ct) => DirectReportsAsync(db, tenantId, users, select, ct), u => u.Id, SingleValued: false),
    ];

    private static async Task<ILookup<Guid, JsonObject>> ManagersAsync(
        GatehouseDb db, Guid tenantId, IReadOnlyList<User> users, IReadOnlyList<string>? select, CancellationToken cancellationToken)
    {
        var managerIds = users.Where(u => u.ManagerId is not null).Select(u => u.ManagerId!.Value).Distinct().ToList();
        var managers = managerIds.Count == 0
            ? []
            : await db.Users.AsNoTracking().Where(m => m.TenantId == tenantId && managerIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, cancellationToken);
        return users
            .Where(u => u.ManagerId is { } id && managers.ContainsKey(id))
            .ToLookup(u => u.Id, u => UserResource.Shape.Write(managers[u.ManagerId!.Value], select, withType: true));
    }

    private static async Task<ILookup<Guid, JsonObject>> DirectReportsAsync(
        GatehouseDb db, Guid tenantId, IReadOnlyList<User> users, IReadOnlyList<string>? select, CancellationToken cancellationToken)
    {
        var ids = users.Select(u => u.Id).ToList();
        var reports = await db.Users.AsNoTracking()
            .Where(m => m.TenantId == tenantId && ids.Contains(m.Id))
            .Select(m => new
            {
                m.Id,
                Reports = db.Users.Where(r => r.ManagerId == m.Id).OrderBy(r => r.Id).Take(GraphExpansion<User>.MaximumItems).ToList(),
            })
            .ToListAsync(cancellationToken);
        return reports
            .SelectMany(m => m.Reports.Select(r => (m.Id, Report: r)))
            .ToLookup(x => x.Id, x => UserResource.Shape.Write(x.Report, select, withType: true));
    }
}
