using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Gatehouse.Data;

/// <summary>Moves <see cref="StoreChanges"/> after every save on this node, so its own changes take effect at once.</summary>
internal sealed class StoreChangeInterceptor(StoreChanges changes) : SaveChangesInterceptor
{
    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        changes.Publish();
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        changes.Publish();
        return ValueTask.FromResult(result);
    }
}
