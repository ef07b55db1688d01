using Gatehouse.Dataverse.Metadata;
using Gatehouse.Dataverse.Security;

namespace Gatehouse.Dataverse.Api;

/// <summary>GET {entityset}(id): one row, or 304 when If-None-Match names its current ETag.</summary>
internal static class RetrieveRow
{
    public static async Task<IResult> HandleAsync(DataverseRequest request, TableDefinition table, Guid id)
    {
        var options = DataverseQuery.Parse(table, request.Http.Request.Query);
        if (!options.Succeeded)
        {
            return options.Error.ToResult();
        }

        var row = await table.FindAsync(request.Db, request.Environment.TenantId, id, request.Aborted);
        if (row is null)
        {
            return DataverseError.RecordNotFound(table.LogicalName, id).ToResult();
        }

        if (Privileges.RequireOn(request, table, AccessRight.Read, row) is { } denied)
        {
            return denied.ToResult();
        }

        if (request.Http.Request.Headers.IfNoneMatch.ToString() == RecordJson.ETag(row))
        {
            return JsonResponse.Empty(StatusCodes.Status304NotModified);
        }

        return await RowResponse.CreateAsync(request, table, row, options.Value, StatusCodes.Status200OK, representationApplied: false);
    }
}
