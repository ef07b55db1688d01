using System.Text.Json.Nodes;
using Gatehouse.Data;
using Gatehouse.OData;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Graph.References;

/// <summary>
/// A page of a directoryObject relation (members, owners, memberOf): $top and $select as on any directory list,
/// the opaque $skiptoken, and the rows (already ordered by a unique key) read from the database one page at a time.
/// </summary>
internal static class DirectoryObjectList
{
    public const int DefaultPageSize = 100;

    /// <summary>
    /// <paramref name="leading"/> are a few objects that come before <paramref name="rows"/> (memberOf's directory
    /// roles before its groups); the rows are paged in SQL after them.
    /// </summary>
    public static async Task<IResult> ListAsync(
        GraphRequest request,
        GatehouseDb db,
        IReadOnlyList<JsonObject> leading,
        IQueryable<DirectoryObjectRow> rows,
        CancellationToken cancellationToken)
    {
        var read = GraphQuery.Read(request, DirectoryObjectWriter.Names, "directoryObject");
        if (!read.Succeeded)
        {
            return read.Error;
        }

        var (options, select) = read.Value;
        if (options.Filter is not null || options.OrderBy is not null || options.Search is not null || options.Expand is not null)
        {
            return new GraphError(StatusCodes.Status400BadRequest, "Request_UnsupportedQuery", "This relationship supports only $select, $top and $count.");
        }

        var skipped = SkipToken.Read(options.SkipToken);
        if (!skipped.Succeeded)
        {
            return GraphErrors.Query(skipped.Error, "directoryObject");
        }

        var offset = skipped.Value;
        var pageSize = options.Top ?? DefaultPageSize;
        var items = leading.Skip(offset).Take(pageSize).Select(item => Selected(item, select)).ToList();
        var rowOffset = Math.Max(0, offset - leading.Count);
        var page = await rows.Skip(rowOffset).Take(pageSize - items.Count + 1).ToListAsync(cancellationToken);
        var more = items.Count + page.Count > pageSize;
        items.AddRange(await DirectoryObjectWriter.WriteAsync(db, request.TenantId, page.Take(pageSize - items.Count).ToList(), select, cancellationToken));
        long? count = options.Count && request.EventualConsistency && options.SkipToken is null
            ? leading.Count + await rows.LongCountAsync(cancellationToken)
            : null;
        return GraphResponses.Collection(request, "directoryObjects", items, count, more ? SkipToken.Next(offset + pageSize) : null, select);
    }

    private static JsonObject Selected(JsonObject item, IReadOnlyList<string>? select)
    {
        if (select is not null)
        {
            foreach (var name in item.Select(p => p.Key).Where(n => !n.StartsWith('@') && !select.Contains(n)).ToList())
            {
                item.Remove(name);
            }
        }

        return item;
    }
}
