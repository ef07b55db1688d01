using Gatehouse.Dataverse.Tables;
using Gatehouse.DirectoryObjects.Devices;
using Gatehouse.DirectoryObjects.Groups;
using Gatehouse.DirectoryObjects.Users;
using Gatehouse.Migrations.Postgres;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Data;

/// <summary>The shared store of a scaled-out deployment.</summary>
internal sealed class PostgresGatehouseDb(DbContextOptions<PostgresGatehouseDb> options) : GatehouseDb(options)
{
    internal override Type MigrationsKey => typeof(PostgresMigrations);

    internal override IReadOnlyList<string> SquashedMigrationIds => PostgresMigrations.SquashedIntoInitial;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);

        // Normalised columns compare byte by byte, as SQLite's do: prefix ranges over them then use their indexes.
        modelBuilder.Entity<User>().Property(u => u.NormalizedDisplayName).UseCollation("C");
        modelBuilder.Entity<User>().Property(u => u.NormalizedUserPrincipalName).UseCollation("C");
        modelBuilder.Entity<Group>().Property(g => g.NormalizedDisplayName).UseCollation("C");
        modelBuilder.Entity<Device>().Property(d => d.NormalizedDisplayName).UseCollation("C");
        modelBuilder.Entity<Account>().Property(a => a.NormalizedName).UseCollation("C");
        modelBuilder.Entity<Contact>().Property(c => c.NormalizedFullName).UseCollation("C");
    }
}
