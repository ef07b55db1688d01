using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Migrations.Postgres;

/// <summary>
/// Stands for the app's PostgreSQL context in this assembly's <c>[DbContext(typeof(PostgresMigrations))]</c> attributes:
/// the app references this assembly, so this assembly cannot reference the app to name its context. It is a context
/// type only because `dotnet ef` takes every type those attributes name for one; it is never made.
/// </summary>
public abstract class PostgresMigrations : DbContext
{
    /// <summary>
    /// The migrations that <c>Initial</c> replaced: a database whose history lists every one of them already has
    /// <c>Initial</c>'s schema.
    /// </summary>
    public static IReadOnlyList<string> SquashedIntoInitial { get; } =
    [
        "20261127055611_Initial",
        "20261127055630_ChangeNotifications",
        "20261127075234_Calendars",
        "20261127081759_DeviceCodes",
        "20261127083345_GraphUsers",
        "20261127090854_ConnectorHub",
        "20261127093645_Dataverse",
        "20261127095531_QueryIndexes",
        "20261127104854_Dynamics365Instances",
        "20261127112520_GraphDirectory",
        "20261127121435_SignInSessionsAndIdTokenIssuance",
    ];
}
