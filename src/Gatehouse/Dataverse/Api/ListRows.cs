using Gatehouse.Dataverse.Metadata;
using Gatehouse.Dataverse.Security;

namespace Gatehouse.Dataverse.Api;

/// <summary>
/// GET {entityset}: a page of rows (docs/protocol/graph-dataverse.md §6). odata.maxpagesize sets the page and brings an
/// @odata.nextLink carrying a paging cookie; without it $top caps the rows and the page is at most 5000.
/// </summary>
internal static class ListRows
{
    public static async Task<IResult> HandleAsync(DataverseRequest request, TableDefinition table)
    {
        if (Privileges.Require(request, table, AccessRight.Read) is { } denied)
        {
            return denied.ToResult();
        }

        var parsed = DataverseQuery.Parse(table, request.Http.Request.Query);
        if (!parsed.Succeeded)
        {
            return parsed.Error.ToResult();
        }

        var options = parsed.Value;
        var preferences = request.Preferences;
        var pageSize = preferences.MaxPageSize ?? Math.Min(options.Top ?? DataverseQuery.MaximumPageSize, DataverseQuery.MaximumPageSize);
        var ownOnly = request.Caller.Depth(table.LogicalName, AccessRight.Read) == AccessDepth.User;
        var query = new RowQuery(
            request.Environment.TenantId, ownOnly ? request.Caller.User.Id : null, options.Options, (options.PageNumber - 1) * pageSize, pageSize);
        var listed = await table.ListAsync(request.Db, query, request.Aborted);
        if (!listed.Succeeded)
        {
            return DataverseQuery.Translate(table, listed.Error).ToResult();
        }

        var page = listed.Value;
        var related = await RelatedRows.LoadAsync(request.Db, request.Environment.TenantId, page.Rows, Related(table, options, preferences), request.Aborted);

        // $top without a page size asks for that many rows and no more pages.
        var nextLink = page.More && (preferences.MaxPageSize is not null || options.Top is null)
            ? NextLink(request, table, options.PageNumber)
            : null;
        var json = new RecordJson(preferences, related);
        var headers = preferences.Applied(pageSizeApplied: true, representationApplied: false) is { } applied
            ? new Dictionary<string, string> { ["Preference-Applied"] = applied }
            : null;
        return new JsonResponse(StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("@odata.context", $"{request.ServiceRoot}/$metadata#{table.EntitySetName}{SelectSuffix(options.Select)}");
            if (page.Count is { } count)
            {
                writer.WriteNumber("@odata.count", count);
            }

            writer.WriteStartArray("value");
            foreach (var row in page.Rows)
            {
                json.Write(writer, table, row, options.Select, options.Expand);
            }

            writer.WriteEndArray();
            if (nextLink is not null)
            {
                writer.WriteString("@odata.nextLink", nextLink);
            }

            writer.WriteEndObject();
        }, headers);
    }

    /// <summary>The lookups whose rows the response needs: those expanded, and all when formatted values were asked for.</summary>
    public static IEnumerable<LookupDefinition> Related(TableDefinition table, DataverseQuery options, Preferences preferences) =>
        preferences.Wants(Preferences.FormattedValue) ? table.Lookups : options.Expand.Select(e => e.Lookup);

    public static string SelectSuffix(IReadOnlyList<string>? select) => select is null ? "" : $"({string.Join(',', select)})";

    // The request as sent, with the next page's cookie in place of this one's: clients follow it unchanged.
    private static string NextLink(DataverseRequest request, TableDefinition table, int pageNumber)
    {
        var query = request.Http.Request.Query
            .Where(q => q.Key != "$skiptoken")
            .Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value.ToString())}")
            .Append($"$skiptoken={Uri.EscapeDataString(DataverseQuery.NextSkipToken(pageNumber))}");
        return $"{request.ServiceRoot}/{table.EntitySetName}?{string.Join('&', query)}";
    }
}
