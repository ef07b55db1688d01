using System.Reflection;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Gatehouse.Data;

/// <summary>
/// Finds a provider's migrations in its own class library, Gatehouse.Migrations.Sqlite or Gatehouse.Migrations.Postgres.
/// The app references those libraries, so its migrations reach every place it runs as ordinary dependencies
/// (`dotnet run`, the tests, the bench, a published or packed tool) and are applied at start; the libraries therefore
/// cannot reference the app to name its contexts in <c>[DbContext(typeof(SqliteGatehouseDb))]</c>, which is what EF's
/// own lookup matches on (and the contexts cannot move into a library of their own: the model is the entities of every
/// feature folder). Each library files its migrations under a stand-in type of its own instead,
/// <see cref="GatehouseDb.MigrationsKey"/>, which this lookup and src/Gatehouse.Design's KeyedMigrationsGenerator (for
/// scripts/add-migration) agree on.
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
