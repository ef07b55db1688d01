using System.Text.Json.Nodes;
using Gatehouse.Data;
using Gatehouse.DirectoryObjects;
using Gatehouse.Graph.Devices;
using Gatehouse.Graph.Groups;
using Gatehouse.Graph.ServicePrincipals;
using Gatehouse.Graph.Users;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Graph.References;

/// <summary>One entry of a mixed directoryObject list: the object and what kind it is.</summary>
internal sealed record DirectoryObjectRow(Guid Id, DirectoryObjectType Type);

/// <summary>
/// Writes mixed directoryObject collections (members, owners, memberOf): each item with its @odata.type, which the
/// SDK's DirectoryObject.CreateFromDiscriminatorValue turns into User, Group, ServicePrincipal or Device
/// (docs/protocol/graph-dataverse.md §2.0). The objects of a page are read with one query per kind.
/// </summary>
internal static class DirectoryObjectWriter
{
    /// <summary>Every property name $select may use on a mixed list.</summary>
    public static IEnumerable<string> Names =>
        UserResource.Shape.Names.Concat(GroupResource.Shape.Names).Concat(ServicePrincipalResource.Shape.Names).Concat(DeviceResource.Shape.Names).Distinct();

    public static async Task<List<JsonObject>> WriteAsync(
        GatehouseDb db, Guid tenantId, IReadOnlyList<DirectoryObjectRow> rows, IReadOnlyList<string>? select, CancellationToken cancellationToken)
    {
        var written = await WriteByIdAsync(db, tenantId, rows, select, cancellationToken);
        return [.. rows.Where(r => written.ContainsKey(r.Id)).Select(r => written[r.Id])];
    }

    /// <summary>Each object that still exists, written, by its id.</summary>
    public static async Task<Dictionary<Guid, JsonObject>> WriteByIdAsync(
        GatehouseDb db, Guid tenantId, IReadOnlyList<DirectoryObjectRow> rows, IReadOnlyList<string>? select, CancellationToken cancellationToken)
    {
        var written = new Dictionary<Guid, JsonObject>();
        var users = Ids(rows, DirectoryObjectType.User);
        foreach (var user in users.Count == 0 ? [] : await db.Users.AsNoTracking().Where(u => u.TenantId == tenantId && users.Contains(u.Id)).ToListAsync(cancellationToken))
        {
            written[user.Id] = UserResource.Shape.Write(user, select, withType: true);
        }

        var groups = Ids(rows, DirectoryObjectType.Group);
        foreach (var group in groups.Count == 0 ? [] : await db.Groups.AsNoTracking().Where(g => g.TenantId == tenantId && groups.Contains(g.Id)).ToListAsync(cancellationToken))
        {
            written[group.Id] = GroupResource.Shape.Write(group, select, withType: true);
        }

        var servicePrincipals = Ids(rows, DirectoryObjectType.ServicePrincipal);
        var principals = servicePrincipals.Count == 0 ? []
            : await db.ServicePrincipals.AsNoTracking().Where(s => s.TenantId == tenantId && servicePrincipals.Contains(s.Id)).ToListAsync(cancellationToken);
        foreach (var view in principals.Count == 0 ? [] : await new ServicePrincipalViews(db).OfAsync(principals, cancellationToken))
        {
            written[view.Principal.Id] = ServicePrincipalResource.Shape.Write(view, select, withType: true);
        }

        var devices = Ids(rows, DirectoryObjectType.Device);
        foreach (var device in devices.Count == 0 ? [] : await db.Devices.AsNoTracking().Where(d => d.TenantId == tenantId && devices.Contains(d.Id)).ToListAsync(cancellationToken))
        {
            written[device.Id] = DeviceResource.Shape.Write(device, select, withType: true);
        }

        return written;
    }

    private static List<Guid> Ids(IReadOnlyList<DirectoryObjectRow> rows, DirectoryObjectType type) =>
        [.. rows.Where(r => r.Type == type).Select(r => r.Id)];
}
