using Gatehouse.Dataverse.Metadata;
using Gatehouse.Dataverse.Security;
using Gatehouse.Dataverse.Tables;
using Gatehouse.Dataverse.Users;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Dataverse.Api;

/// <summary>
/// PATCH {entityset}(id): an upsert (docs/protocol/graph-dataverse.md §6). The write is conditional on the version it
/// read (or the one If-Match names), so a concurrent change makes it fail with 412 instead of being overwritten.
/// </summary>
internal static class UpdateRow
{
    public static async Task<IResult> HandleAsync(DataverseRequest request, TableDefinition table, Guid id, TimeProvider clock)
    {
        if (!table.OwnedByUsers)
        {
            return DataverseError.MethodNotAllowed(table.EntitySetName).ToResult();
        }

        var read = Preconditions.Read(request.Http.Request);
        if (!read.Succeeded)
        {
            return read.Error.ToResult();
        }

        var body = await request.ReadBodyAsync(table.EntitySetName);
        if (!body.Succeeded)
        {
            return body.Error.ToResult();
        }

        var preconditions = read.Value;
        var row = await table.FindAsync(request.Db, request.Environment.TenantId, id, request.Aborted);
        if (row is null)
        {
            return preconditions.MustExist
                ? DataverseError.RecordNotFound(table.LogicalName, id).ToResult()
                : await CreateRow.CreateAsync(request, table, body.Value, id, clock);
        }

        if (preconditions.MustNotExist)
        {
            return DataverseError.DuplicateRecord().ToResult();
        }

        if (preconditions.Version is { } expected && expected != row.VersionNumber)
        {
            return DataverseError.VersionMismatch().ToResult();
        }

        var options = DataverseQuery.Parse(table, request.Http.Request.Query);
        if (!options.Succeeded)
        {
            return options.Error.ToResult();
        }

        if (Privileges.RequireOn(request, table, AccessRight.Write, row) is { } denied)
        {
            return denied.ToResult();
        }

        var readVersion = row.VersionNumber;
        if (await RecordPayload.ApplyAsync(request.Db, row.TenantId, table, row, body.Value, creating: false, request.Aborted) is { } invalid)
        {
            return invalid.ToResult();
        }

        if (!request.Caller.May(table.LogicalName, AccessRight.Write, row.OwnerId))
        {
            return DataverseError.AccessDenied(request.Caller.User.Id, table.LogicalName, row.Id, row.OwnerId, "Assign").ToResult();
        }

        RecordStamps.Modified(row, request.Caller.User.Id, clock);
        if (await SaveAsync(request, row, readVersion) is { } conflict)
        {
            return conflict.ToResult();
        }

        return request.Preferences.ReturnRepresentation
            ? await RowResponse.CreateAsync(request, table, row, options.Value, StatusCodes.Status200OK, representationApplied: true)
            : JsonResponse.Empty(StatusCodes.Status204NoContent, new Dictionary<string, string>
            {
                ["OData-EntityId"] = $"{request.ServiceRoot}/{table.EntitySetName}({row.Id})",
            });
    }

    /// <summary>Saves only if the row is still at <paramref name="readVersion"/> (versionnumber is the concurrency token).</summary>
    public static async Task<DataverseError?> SaveAsync(DataverseRequest request, DataverseRecord row, long readVersion)
    {
        request.Db.Entry(row).Property(nameof(DataverseRecord.VersionNumber)).OriginalValue = readVersion;
        try
        {
            await request.Db.SaveChangesAsync(request.Aborted);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return DataverseError.VersionMismatch();
        }
    }
}
