using Gatehouse.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations.Design;

namespace Gatehouse.Design;

/// <summary>
/// Writes a new migration and the model snapshot under the provider's <see cref="GatehouseDb.MigrationsKey"/> rather
/// than the app's context, so that they compile in their class library (see <see cref="ProviderMigrationsAssembly"/>).
/// </summary>
internal sealed class KeyedMigrationsGenerator(
    MigrationsCodeGeneratorDependencies dependencies,
    CSharpMigrationsGeneratorDependencies csharpDependencies,
    ICurrentDbContext currentContext) : CSharpMigrationsGenerator(dependencies, csharpDependencies)
{
    private Type Key => ((GatehouseDb)currentContext.Context).MigrationsKey;

    public override string GenerateMetadata(string? migrationNamespace, Type contextType, string migrationName, string migrationId, IModel targetModel) =>
        base.GenerateMetadata(migrationNamespace, Key, migrationName, migrationId, targetModel);

    public override string GenerateSnapshot(string? modelSnapshotNamespace, Type contextType, string modelSnapshotName, IModel model) =>
        base.GenerateSnapshot(modelSnapshotNamespace, Key, modelSnapshotName, model);
}
