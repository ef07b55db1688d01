using Gatehouse.Dataverse.Metadata;
using Gatehouse.Dataverse.Security;
using Gatehouse.Dataverse.Tables;

namespace Gatehouse.Dataverse.Api;

/// <summary>The privilege checks every operation makes before it reads or writes (prvCreateAccount, prvWriteContact, …).</summary>
internal static class Privileges
{
    /// <summary>Refuses a caller none of whose roles holds the privilege on the table at any depth.</summary>
    public static DataverseError? Require(DataverseRequest request, TableDefinition table, AccessRight right) =>
        request.Caller.Depth(table.LogicalName, right) == AccessDepth.None
            ? DataverseError.MissingPrivilege(request.Caller.User.Id, Name(table, right), table.LogicalName)
            : null;

    /// <summary>Refuses a caller whose privilege does not reach this row (another user's, at User depth).</summary>
    public static DataverseError? RequireOn(DataverseRequest request, TableDefinition table, AccessRight right, DataverseRecord row)
    {
        if (Require(request, table, right) is { } missing)
        {
            return missing;
        }

        var owner = table.OwnedByUsers ? row.OwnerId : row.Id;
        return request.Caller.May(table.LogicalName, right, owner)
            ? null
            : DataverseError.AccessDenied(request.Caller.User.Id, table.LogicalName, row.Id, owner, right.ToString());
    }

    private static string Name(TableDefinition table, AccessRight right) =>
        $"prv{right}{char.ToUpperInvariant(table.LogicalName[0])}{table.LogicalName[1..]}";
}
