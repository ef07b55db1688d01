using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Gatehouse.Data;

/// <summary>
/// Moves <see cref="StoreChanges"/> after a save on this node that wrote a table the token service's snapshots are
/// read from, so its own changes take effect at once; saves of codes, refresh tokens and the like leave the caches be.
/// </summary>
internal sealed class StoreChangeInterceptor(StoreChanges changes) : SaveChangesInterceptor
{
    /// <summary>
    /// The tables the snapshots read, and the clock offset <see cref="ClockOffsetWatcher"/> follows: the same ones
    /// PostgreSQL's change-notification triggers watch.
    /// </summary>
    public static readonly IReadOnlySet<string> SnapshotTables = new HashSet<string>(StringComparer.Ordinal)
    {
        "Tenants", "TenantDomains", "Users", "Groups", "GroupMembers", "GroupOwners", "DirectoryRoleMembers",
        "Applications", "ApplicationOwners", "PasswordCredentials", "KeyCredentials", "ServicePrincipals",
        "AppRoleAssignments", "OAuth2PermissionGrants", "SigningKeys", "HubOrganizations", "HubUsers", "HubInstances", "ClockOffsets",
    };

    // Whether the save under way touches a snapshot table: entries are no longer Added/Modified/Deleted once it is done.
    private readonly ConditionalWeakTable<DbContext, object> pending = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        PublishIfNoted(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        PublishIfNoted(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private void Note(DbContext? context)
    {
        if (context is not null && context.ChangeTracker.Entries().Any(e =>
            e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && e.Metadata.GetTableName() is { } table && SnapshotTables.Contains(table)))
        {
            pending.AddOrUpdate(context, context);
        }
    }

    private void PublishIfNoted(DbContext? context)
    {
        if (context is not null && pending.Remove(context))
        {
            changes.Publish();
        }
    }

    private void Forget(DbContext? context)
    {
        if (context is not null)
        {
            pending.Remove(context);
        }
    }
}
