using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Gatehouse.Data;

/// <summary>
/// Whether an exception means the store is out of reach for a while rather than a bug: PostgreSQL down or restarting
/// (refused connections, a server shutting down, broken streams: what Npgsql calls transient), or SQLite still busy or
/// locked after its busy timeout. EF Core wraps these (DbUpdateException, "likely due to a transient failure"), so
/// the whole chain of inner exceptions is read. Only the store's own exceptions count: a socket error of another call
/// (the hub reaching a provider) is not the store going away.
/// </summary>
internal static class StoreUnavailable
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    public static bool Is(Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (current is SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked } or DbException { IsTransient: true })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The innermost message: what the operator needs to see (connection refused, the server shutting down).</summary>
    public static string Reason(Exception exception)
    {
        var innermost = exception;
        while (innermost.InnerException is { } inner)
        {
            innermost = inner;
        }

        return innermost.Message;
    }
}
