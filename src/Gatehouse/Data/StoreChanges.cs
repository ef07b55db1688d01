namespace Gatehouse.Data;

/// <summary>
/// A counter that moves whenever the store may have changed: on this node's saves at once, on other processes'
/// writes through <see cref="SqliteChangeWatcher"/> or <see cref="PostgresChangeListener"/>. Caches of directory data
/// keep the generation they were read at and are dropped when it moves.
/// </summary>
internal sealed class StoreChanges
{
    private long generation;

    public long Generation => Volatile.Read(ref generation);

    public void Publish() => Interlocked.Increment(ref generation);
}
