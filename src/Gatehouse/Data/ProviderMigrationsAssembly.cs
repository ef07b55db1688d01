using System.Reflection;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Gatehouse.Data;

/// <summary>
/// Finds a provider's migrations in its own class library, Gatehouse.Migrations.Sqlite or Gatehouse.Migrations.Postgres.
/// EF's own lookup takes the migrations that carry <c>[DbContext(typeof(SqliteGatehouseDb))]</c>, but the app
/// references those libraries (it applies their migrations at start: `dotnet run`, the tests, the bench and a published
/// or packed tool all get them as ordinary dependencies), so they cannot reference the app and name its contexts.
/// They are filed under a type of their own instead, <see cref="GatehouseDb.MigrationsKey"/>, which this lookup and
/// <see cref="KeyedMigrationsGenerator"/> (for `dotnet ef migrations add`) agree on.
/// </summary>
internal sealed class ProviderMigrationsAssembly(ICurrentDbContext currentContext, IMigrationsIdGenerator ids) : IMigrationsAssembly
{
    private readonly Type key = ((GatehouseDb)currentContext.Context).MigrationsKey;
    private IReadOnlyDictionary<string, TypeInfo>? migrations;
    private ModelSnapshot? modelSnapshot;

    public Assembly Assembly => key.Assembly;

    public IReadOnlyDictionary<string, TypeInfo> Migrations => migrations ??= FiledUnderKey(typeof(Migration))
        .Select(type => (Id: type.GetCustomAttribute<MigrationAttribute>()?.Id, Type: type))
        .Where(migration => migration.Id is not null)
        .OrderBy(migration => migration.Id, StringComparer.Ordinal)
        .ToDictionary(migration => migration.Id!, migration => migration.Type);

    public ModelSnapshot? ModelSnapshot => modelSnapshot ??= FiledUnderKey(typeof(ModelSnapshot))
        .Select(type => (ModelSnapshot)Activator.CreateInstance(type)!)
        .SingleOrDefault();

    public string? FindMigrationId(string nameOrId) => Migrations.Keys.FirstOrDefault(id => ids.IsValidId(nameOrId)
        ? string.Equals(id, nameOrId, StringComparison.OrdinalIgnoreCase)
        : string.Equals(ids.GetName(id), nameOrId, StringComparison.OrdinalIgnoreCase));

    public Migration CreateMigration(TypeInfo migrationClass, string activeProvider)
    {
        var migration = (Migration)Activator.CreateInstance(migrationClass)!;
        migration.ActiveProvider = activeProvider;
        return migration;
    }

    private IEnumerable<TypeInfo> FiledUnderKey(Type kind) => key.Assembly.DefinedTypes.Where(type =>
        type.IsSubclassOf(kind) && !type.IsAbstract && type.GetCustomAttribute<DbContextAttribute>()?.ContextType == key);
}
