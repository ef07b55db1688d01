using Gatehouse.Dataverse.Metadata;

namespace Gatehouse.Dataverse.Api;

/// <summary>A resource segment: an entity set (accounts) or one row of it by primary key (accounts(00000000-…)).</summary>
internal sealed record EntityPath(TableDefinition Table, Guid? Id)
{
    public static Outcome<EntityPath, DataverseError> Parse(string segment)
    {
        var open = segment.IndexOf('(', StringComparison.Ordinal);
        var name = open < 0 ? segment : segment[..open];
        if (DataverseTables.FindBySet(name) is not { } table)
        {
            return DataverseError.SegmentNotFound(name);
        }

        if (open < 0)
        {
            return new EntityPath(table, null);
        }

        // OData key syntax: the GUID bare, or as {primary key}=GUID.
        var key = segment.EndsWith(')') ? segment[(open + 1)..^1] : "";
        var prefix = table.PrimaryIdAttribute + "=";
        if (key.StartsWith(prefix, StringComparison.Ordinal))
        {
            key = key[prefix.Length..];
        }

        return Guid.TryParseExact(key, "D", out var id)
            ? new EntityPath(table, id)
            : DataverseError.Query($"Bad Request - Error in query syntax: the key '{key}' of {table.EntitySetName} is not a GUID.");
    }
}
