namespace Gatehouse.Data;

internal enum StoreKind
{
    Sqlite,
    Postgres,
}
