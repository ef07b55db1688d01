namespace Gatehouse.Bench;

/// <summary>The store the server and the CLI verbs use: the SQLite file in the data folder, or a PostgreSQL database.</summary>
internal sealed record StoreChoice(string Kind, string? ConnectionString)
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    /// <summary>Where scripts/test publishes its throwaway PostgreSQL server.</summary>
    public const string TestPostgresVariable = "GATEHOUSE_TEST_POSTGRES";

    public IReadOnlyList<string> Arguments =>
        Kind == Postgres ? ["--store", Postgres, "--connection-string", ConnectionString!] : ["--store", Sqlite];
}
