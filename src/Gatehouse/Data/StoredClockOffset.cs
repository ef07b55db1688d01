namespace Gatehouse.Data;

/// <summary>The store's one clock row: how far ahead of real time every node of the store runs (<see cref="OffsetClock"/>).</summary>
internal sealed class StoredClockOffset
{
    public const int OnlyId = 1;

    public int Id { get; set; } = OnlyId;

    public long OffsetTicks { get; set; }
}
