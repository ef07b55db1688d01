using Gatehouse.Dataverse.Metadata;
using Gatehouse.Dataverse.Security;
using Gatehouse.Dataverse.Users;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Dataverse.Api;

/// <summary>
/// POST {entityset}, and PATCH of a row that does not exist yet (upsert): 204 with OData-EntityId, or 201 with the
/// row when Prefer: return=representation. The caller owns the row unless the body binds ownerid.
/// </summary>
internal static class CreateRow
{
    public static async Task<IResult> HandleAsync(DataverseRequest request, TableDefinition table, TimeProvider clock)
    {
        var body = await request.ReadBodyAsync(table.EntitySetName);
        return body.Succeeded ? await CreateAsync(request, table, body.Value, null, clock) : body.Error.ToResult();
    }

    public static async Task<IResult> CreateAsync(DataverseRequest request, TableDefinition table, System.Text.Json.JsonElement body, Guid? id, TimeProvider clock)
    {
        if (!table.OwnedByUsers)
        {
            return DataverseError.MethodNotAllowed(table.EntitySetName).ToResult();
        }

        var options = DataverseQuery.Parse(table, request.Http.Request.Query);
        if (!options.Succeeded)
        {
            return options.Error.ToResult();
        }

        if (Privileges.Require(request, table, AccessRight.Create) is { } missing)
        {
            return missing.ToResult();
        }

        var row = table.NewRecord();
        row.Id = id ?? Guid.Empty;
        row.TenantId = request.Environment.TenantId;
        if (await RecordPayload.ApplyAsync(request.Db, row.TenantId, table, row, body, creating: true, request.Aborted) is { } invalid)
        {
            return invalid.ToResult();
        }

        if (row.Id == Guid.Empty)
        {
            row.Id = Guid.NewGuid();
        }

        var caller = request.Caller.User.Id;
        if (row.OwnerId == Guid.Empty)
        {
            row.OwnerId = caller;
        }

        if (!request.Caller.May(table.LogicalName, AccessRight.Create, row.OwnerId))
        {
            return DataverseError.AccessDenied(caller, table.LogicalName, row.Id, row.OwnerId, nameof(AccessRight.Create)).ToResult();
        }

        row.CreatedBy = caller;
        row.ModifiedBy = caller;
        RecordStamps.Created(row, clock);
        table.Add(request.Db, row);
        try
        {
            await request.Db.SaveChangesAsync(request.Aborted);
        }
        catch (DbUpdateException)
        {
            return DataverseError.DuplicateRecord().ToResult();
        }

        if (request.Preferences.ReturnRepresentation)
        {
            return await RowResponse.CreateAsync(request, table, row, options.Value, StatusCodes.Status201Created, representationApplied: true);
        }

        return JsonResponse.Empty(StatusCodes.Status204NoContent, new Dictionary<string, string>
        {
            ["OData-EntityId"] = $"{request.ServiceRoot}/{table.EntitySetName}({row.Id})",
        });
    }
}
