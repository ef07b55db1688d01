using System.Data.Common;
using Gatehouse.Data;
using Gatehouse.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Gatehouse.Tests.Data;

/// <summary>
/// A store's schema as the catalog describes it, one sorted line per fact: each table's columns in order with type,
/// nullability and default; indexes; keys, foreign keys and other constraints; triggers; functions; sequences.
/// </summary>
internal static class StoreSchema
{
    private static readonly string[] SqliteQueries =
    [
        """
        SELECT 'column', m.name, c.cid, c.name, c.type, c."notnull", c.dflt_value, c.pk
        FROM sqlite_master m, pragma_table_info(m.name) c WHERE m.type = 'table'
        """,
        """
        SELECT 'index', m.name, i.name, i."unique", i.origin, i.partial, s.sql,
            (SELECT group_concat(x.name || ' ' || x."desc" || ' ' || x.coll, ', ')
             FROM (SELECT * FROM pragma_index_xinfo(i.name) WHERE key ORDER BY seqno) x)
        FROM sqlite_master m, pragma_index_list(m.name) i LEFT JOIN sqlite_master s ON s.name = i.name
        WHERE m.type = 'table'
        """,
        """
        SELECT 'foreign key', m.name, f.seq, f."table", f."from", f."to", f.on_update, f.on_delete, f."match"
        FROM sqlite_master m, pragma_foreign_key_list(m.name) f WHERE m.type = 'table'
        """,
        "SELECT m.type, m.name, m.tbl_name, m.sql FROM sqlite_master m WHERE m.type IN ('trigger', 'view')",
    ];

    private static readonly string[] PostgresQueries =
    [
        """
        SELECT 'column', table_name, ordinal_position, column_name, data_type, character_maximum_length, is_nullable,
            column_default, collation_name, is_identity, identity_generation
        FROM information_schema.columns WHERE table_schema = 'public'
        """,
        "SELECT 'index', tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'",
        """
        SELECT 'constraint', conrelid::regclass::text, conname, pg_get_constraintdef(oid)
        FROM pg_constraint WHERE connamespace = 'public'::regnamespace
        """,
        "SELECT 'trigger', tgrelid::regclass::text, tgname, pg_get_triggerdef(oid) FROM pg_trigger WHERE NOT tgisinternal",
        "SELECT 'function', proname, pg_get_functiondef(oid) FROM pg_proc WHERE pronamespace = 'public'::regnamespace",
        "SELECT 'sequence', sequencename, data_type, start_value, increment_by FROM pg_sequences WHERE schemaname = 'public'",
    ];

    public static async Task<IReadOnlyList<string>> ReadAsync(TestStore store)
    {
        await using DbConnection connection = store.Kind == StoreKind.Postgres
            ? new NpgsqlConnection(store.ConnectionString)
            : new SqliteConnection(store.Settings.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        var facts = new List<string>();
        foreach (var query in store.Kind == StoreKind.Postgres ? PostgresQueries : SqliteQueries)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = query;
            await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
            while (await reader.ReadAsync(TestContext.Current.CancellationToken))
            {
                facts.Add(string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "null" : Convert.ToString(reader.GetValue(i)))));
            }
        }

        facts.Sort(StringComparer.Ordinal);
        return facts;
    }
}
