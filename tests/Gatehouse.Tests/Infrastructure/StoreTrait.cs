namespace Gatehouse.Tests.Infrastructure;

/// <summary>
/// The trait that says which store a test needs: Store=postgres on every test that needs PostgreSQL, Store=sqlite on
/// the SQLite rows of a theory run on both. A test without it needs no PostgreSQL either, so `--filter Store!=postgres`
/// is everything that runs without one and `--filter Store=sqlite` the SQLite half of the store theories.
/// </summary>
internal static class StoreTrait
{
    public const string Name = "Store";
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    /// <summary>A row needs PostgreSQL when any of its values names it (a round trip from one store to the other).</summary>
    public static TRow Tag<TRow>(TRow row, IEnumerable<object?> values)
        where TRow : TheoryDataRowBase
    {
        row.Traits[Name] = [values.Any(v => v is Postgres) ? Postgres : Sqlite];
        return row;
    }
}
