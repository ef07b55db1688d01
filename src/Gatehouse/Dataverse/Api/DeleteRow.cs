using Gatehouse.Dataverse.Metadata;
using Gatehouse.Dataverse.Security;

namespace Gatehouse.Dataverse.Api;

/// <summary>DELETE {entityset}(id): 204, 404 when there is no such row, 412 when If-Match names an older version.</summary>
internal static class DeleteRow
{
    public static async Task<IResult> HandleAsync(DataverseRequest request, TableDefinition table, Guid id)
    {
        if (!table.OwnedByUsers)
        {
            return DataverseError.MethodNotAllowed(table.EntitySetName).ToResult();
        }

        var preconditions = Preconditions.Read(request.Http.Request);
        if (!preconditions.Succeeded)
        {
            return preconditions.Error.ToResult();
        }

        var row = await table.FindAsync(request.Db, request.Environment.TenantId, id, request.Aborted);
        if (row is null)
        {
            return DataverseError.RecordNotFound(table.LogicalName, id).ToResult();
        }

        if (Privileges.RequireOn(request, table, AccessRight.Delete, row) is { } denied)
        {
            return denied.ToResult();
        }

        if (preconditions.Value.Version is { } expected && expected != row.VersionNumber)
        {
            return DataverseError.VersionMismatch().ToResult();
        }

        // Inside a $batch change set the change set's transaction holds this too.
        await using var transaction = request.Db.Database.CurrentTransaction is null ? await request.Db.Database.BeginTransactionAsync(request.Aborted) : null;
        foreach (var other in DataverseTables.All)
        {
            await other.ClearLookupsToAsync(request.Db, row.TenantId, table.LogicalName, row.Id, request.Aborted);
        }

        table.Remove(request.Db, row);
        if (await UpdateRow.SaveAsync(request, row, row.VersionNumber) is { } conflict)
        {
            return conflict.ToResult();
        }

        if (transaction is not null)
        {
            await transaction.CommitAsync(request.Aborted);
        }
        return JsonResponse.Empty(StatusCodes.Status204NoContent);
    }
}
