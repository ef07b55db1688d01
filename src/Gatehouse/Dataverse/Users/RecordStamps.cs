using Gatehouse.Dataverse.Tables;
using Gatehouse.DirectoryObjects;

namespace Gatehouse.Dataverse.Users;

/// <summary>
/// Audit times and versionnumber. Versions grow with time (milliseconds) and always past the previous one, so an
/// ETag never matches a later state of the row, even one recreated under the same ID.
/// </summary>
internal static class RecordStamps
{
    public static void Created(DataverseRecord record, TimeProvider clock)
    {
        var now = clock.StoreNow();
        record.CreatedOn = now;
        record.ModifiedOn = now;
        record.VersionNumber = now.ToUnixTimeMilliseconds();
    }

    public static void Modified(DataverseRecord record, Guid by, TimeProvider clock)
    {
        var now = clock.StoreNow();
        record.ModifiedOn = now;
        record.ModifiedBy = by;
        record.VersionNumber = Math.Max(record.VersionNumber + 1, now.ToUnixTimeMilliseconds());
    }
}
