using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Migrations.Sqlite;

/// <summary>
/// Stands for the app's SQLite context in this assembly's <c>[DbContext(typeof(SqliteMigrations))]</c> attributes:
/// the app references this assembly, so this assembly cannot reference the app to name its context. It is a context
/// type only because `dotnet ef` takes every type those attributes name for one; it is never made.
/// </summary>
public abstract class SqliteMigrations : DbContext
{
    /// <summary>
    /// The migrations that <c>Initial</c> replaced: a store whose history lists every one of them already has
    /// <c>Initial</c>'s schema.
    /// </summary>
    public static IReadOnlyList<string> SquashedIntoInitial { get; } =
    [
        "20261127055553_Initial",
        "20261127075204_Calendars",
        "20261127081632_DeviceCodes",
        "20261127083156_GraphUsers",
        "20261127090727_ConnectorHub",
        "20261127093639_Dataverse",
        "20261127095520_QueryIndexes",
        "20261127104848_Dynamics365Instances",
        "20261127112510_GraphDirectory",
        "20261127121431_SignInSessionsAndIdTokenIssuance",
    ];
}
