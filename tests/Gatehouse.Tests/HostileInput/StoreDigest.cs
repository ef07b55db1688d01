using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Gatehouse.Tests.Data;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Tests.HostileInput;

/// <summary>A hash of every row of every table of the store, per table, read through the server's own EF model.</summary>
internal static class StoreDigest
{
    /// <summary>
    /// Columns that change when a request is refused, by design: a wrong password counts towards the user's smart
    /// lockout (README "Security model"), and a hostile request may well be a wrong password for a real user.
    /// </summary>
    private static readonly HashSet<(string Table, string Column)> RefusalCounters = [("Users", "FailedSignInCount"), ("Users", "LockoutEnd")];

    /// <summary>
    /// Tables that record the requests themselves, by design: every request that reaches a grant or the sign-in page is a
    /// sign-in attempt, and the sign-in log keeps each one, refused or not (README "Sign-in and audit logs").
    /// </summary>
    private static readonly HashSet<string> RequestRecords = ["SignInLogs"];

    public static async Task<IReadOnlyDictionary<string, string>> TakeAsync(TestStore store)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var db = StoreDb.Open(store);
        var tables = db.Model.GetEntityTypes().Select(t => t.GetTableName()).OfType<string>().Where(t => !RequestRecords.Contains(t)).Distinct().Order(StringComparer.Ordinal).ToList();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(cancellationToken);
        var digests = new Dictionary<string, string>();
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            digests[table] = await DigestAsync(table, reader, cancellationToken);
        }

        return digests;
    }

    private static async Task<string> DigestAsync(string table, DbDataReader reader, CancellationToken cancellationToken)
    {
        var rows = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var row = new StringBuilder();
            for (var i = 0; i < reader.FieldCount; i++)
            {
                if (!RefusalCounters.Contains((table, reader.GetName(i))))
                {
                    row.Append(reader.GetName(i)).Append('=').Append(reader.IsDBNull(i) ? "∅" : Convert.ToString(reader.GetValue(i) is byte[] b ? Convert.ToHexString(b) : reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)).Append('|');
                }
            }

            rows.Add(row.ToString());
        }

        rows.Sort(StringComparer.Ordinal);
        return $"{rows.Count} rows, {Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', rows))))[..16]}";
    }
}
