using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Gatehouse.Data;

/// <summary>
/// Appends rows with multi-row INSERT statements in one transaction, outside the change tracker and the save
/// interceptors: for logs, which no snapshot reads and no audit records. The model supplies the table, the columns and
/// each column's type mapping, so values are stored exactly as a SaveChanges would store them, at a fraction of its
/// cost per row (the sign-in log is written under token load).
/// </summary>
internal static class RowAppends
{
    // Parameters per statement stay far below either store's limit (SQLite 32,766; PostgreSQL 65,535).
    private const int MaximumParametersPerStatement = 2_000;

    public static async Task AppendRowsAsync<T>(this GatehouseDb db, IReadOnlyList<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        if (rows.Count == 0)
        {
            return;
        }

        var table = TableOf<T>(db);
        var rowsPerStatement = Math.Max(1, MaximumParametersPerStatement / table.Columns.Count);
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            foreach (var chunk in rows.Chunk(rowsPerStatement))
            {
                await using var command = table.InsertCommand(db.Database.GetDbConnection(), chunk);
                command.Transaction = transaction.GetDbTransaction();
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static MappedTable TableOf<T>(GatehouseDb db)
    {
        var entityType = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var tableName = entityType.GetTableName() ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped to a table.");
        var storeObject = StoreObjectIdentifier.Table(tableName, entityType.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        var columns = entityType.GetProperties()
            .Select(p => p.IsShadowProperty()
                ? throw new InvalidOperationException($"{typeof(T).Name}.{p.Name} is a shadow property, which a row cannot supply.")
                : new MappedColumn(sql.DelimitIdentifier(p.GetColumnName(storeObject)!), p.GetRelationalTypeMapping(), p.GetGetter(), p.IsNullable))
            .ToList();
        return new MappedTable(sql, sql.DelimitIdentifier(tableName, entityType.GetSchema()), columns);
    }

    private sealed record MappedColumn(string Name, RelationalTypeMapping Mapping, IClrPropertyGetter Getter, bool Nullable);

    private sealed record MappedTable(ISqlGenerationHelper Sql, string Name, IReadOnlyList<MappedColumn> Columns)
    {
        public DbCommand InsertCommand<T>(DbConnection connection, T[] rows)
            where T : class
        {
            var command = connection.CreateCommand();
            var text = new StringBuilder("INSERT INTO ").Append(Name).Append(" (")
                .AppendJoin(", ", Columns.Select(c => c.Name)).Append(") VALUES ");
            for (var row = 0; row < rows.Length; row++)
            {
                text.Append(row == 0 ? "(" : ", (");
                for (var column = 0; column < Columns.Count; column++)
                {
                    var mapped = Columns[column];
                    var name = $"p{row * Columns.Count + column}";
                    command.Parameters.Add(mapped.Mapping.CreateParameter(command, Sql.GenerateParameterName(name), mapped.Getter.GetClrValue(rows[row]), mapped.Nullable));
                    text.Append(column == 0 ? "" : ", ").Append(Sql.GenerateParameterNamePlaceholder(name));
                }

                text.Append(')');
            }

            command.CommandText = text.ToString();
            return command;
        }
    }
}
