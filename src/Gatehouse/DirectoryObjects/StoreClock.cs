namespace Gatehouse.DirectoryObjects;

internal static class StoreClock
{
    /// <summary>
    /// Now, in UTC, at the microsecond resolution PostgreSQL keeps, so that an instant reads back from either store
    /// exactly as it was written.
    /// </summary>
    public static DateTimeOffset StoreNow(this TimeProvider clock) => ToStoreResolution(clock.GetUtcNow());

    public static DateTimeOffset ToStoreResolution(DateTimeOffset instant)
    {
        var ticks = instant.UtcTicks;
        return new DateTimeOffset(ticks - (ticks % 10), TimeSpan.Zero);
    }
}
