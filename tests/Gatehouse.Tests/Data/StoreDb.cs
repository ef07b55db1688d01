using Gatehouse.Data;
using Gatehouse.Tests.Infrastructure;

namespace Gatehouse.Tests.Data;

internal static class StoreDb
{
    /// <summary>A context on the test's store outside any server, with the provider and migrations the server uses.</summary>
    public static GatehouseDb Open(TestStore store) => store.Kind == StoreKind.Postgres
        ? new PostgresGatehouseDb(StoreOptions.Build<PostgresGatehouseDb>(store.Settings))
        : new SqliteGatehouseDb(StoreOptions.Build<SqliteGatehouseDb>(store.Settings));
}
