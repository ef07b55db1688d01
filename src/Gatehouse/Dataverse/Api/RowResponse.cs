using Gatehouse.Dataverse.Metadata;
using Gatehouse.Dataverse.Tables;

namespace Gatehouse.Dataverse.Api;

/// <summary>One row as a response body: retrieve, and create or update with Prefer: return=representation.</summary>
internal static class RowResponse
{
    public static async Task<IResult> CreateAsync(DataverseRequest request, TableDefinition table, DataverseRecord row, DataverseQuery options, int status, bool representationApplied)
    {
        var related = await RelatedRows.LoadAsync(request.Db, request.Environment.TenantId, [row], ListRows.Related(table, options, request.Preferences), request.Aborted);
        var json = new RecordJson(request.Preferences, related);
        var headers = new Dictionary<string, string> { ["ETag"] = RecordJson.ETag(row) };
        if (request.Preferences.Applied(pageSizeApplied: false, representationApplied) is { } applied)
        {
            headers["Preference-Applied"] = applied;
        }

        var context = $"{request.ServiceRoot}/$metadata#{table.EntitySetName}{ListRows.SelectSuffix(options.Select)}/$entity";
        return new JsonResponse(status, writer => json.Write(writer, table, row, options.Select, options.Expand, context), headers);
    }
}
