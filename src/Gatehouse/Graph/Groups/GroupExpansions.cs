using System.Text.Json.Nodes;
using Gatehouse.Data;
using Gatehouse.DirectoryObjects.Groups;
using Gatehouse.Graph.References;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Graph.Groups;

/// <summary>
/// $expand on groups: members and owners, up to 20 of each group, read for a whole page in one query (then one query
/// per kind of object). Hidden members stay hidden from callers who may not see them.
/// </summary>
internal static class GroupExpansions
{
    public static IReadOnlyList<GraphExpansion<Group>> For(GatehouseDb db, GraphRequest request, GroupAccess access, CancellationToken cancellationToken) =>
    [
        new("members", async (groups, select, ct) => await RelatedAsync(db, request, await VisibleAsync(groups, request, access, cancellationToken), members: true, select, ct), g => g.Id, SingleValued: false),
        new("owners", (groups, select, ct) => RelatedAsync(db, request, groups, members: false, select, ct), g => g.Id, SingleValued: false),
    ];

    private static async Task<IReadOnlyList<Group>> VisibleAsync(IReadOnlyList<Group> groups, GraphRequest request, GroupAccess access, CancellationToken cancellationToken)
    {
        var visible = new List<Group>();
        foreach (var group in groups)
        {
            if (await access.MaySeeMembersAsync(request, group, cancellationToken))
            {
                visible.Add(group);
            }
        }

        return visible;
    }

    private static async Task<ILookup<Guid, JsonObject>> RelatedAsync(
        GatehouseDb db, GraphRequest request, IReadOnlyList<Group> groups, bool members, IReadOnlyList<string>? select, CancellationToken cancellationToken)
    {
        var ids = groups.Select(g => g.Id).ToList();
        var query = db.Groups.AsNoTracking().Where(g => ids.Contains(g.Id));
        var related = members
            ? await query.Select(g => new
            {
                g.Id,
                Rows = g.Members.OrderBy(m => m.MemberId).Take(GraphExpansion<Group>.MaximumItems).Select(m => new DirectoryObjectRow(m.MemberId, m.MemberType)).ToList(),
            }).ToListAsync(cancellationToken)
            : await query.Select(g => new
            {
                g.Id,
                Rows = g.Owners.OrderBy(o => o.OwnerId).Take(GraphExpansion<Group>.MaximumItems).Select(o => new DirectoryObjectRow(o.OwnerId, o.OwnerType)).ToList(),
            }).ToListAsync(cancellationToken);
        var rows = related.SelectMany(g => g.Rows.Select(row => (g.Id, Row: row))).ToList();
        var byId = await DirectoryObjectWriter.WriteByIdAsync(db, request.TenantId, [.. rows.Select(r => r.Row).DistinctBy(r => r.Id)], select, cancellationToken);
        return rows.Where(r => byId.ContainsKey(r.Row.Id)).ToLookup(r => r.Id, r => (JsonObject)byId[r.Row.Id].DeepClone());
    }
}
