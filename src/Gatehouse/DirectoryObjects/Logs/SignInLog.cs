using System.Threading.Channels;

namespace Gatehouse.DirectoryObjects.Logs;

/// <summary>
/// Where sign-ins are recorded: a bounded queue that a request writes one entry to and <see cref="SignInLogWriter"/>
/// drains into the store in batches, so that recording costs a request one channel write. Only when the store falls
/// this far behind does a request wait for room rather than lose its entry.
/// </summary>
internal sealed class SignInLog(TimeProvider clock)
{
    public const int Capacity = 100_000;

    private readonly Channel<SignInLogEntry> queue = Channel.CreateBounded<SignInLogEntry>(
        new BoundedChannelOptions(Capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    public ChannelReader<SignInLogEntry> Reader => queue.Reader;

    /// <summary>The server's clock, which entries are stamped with.</summary>
    public TimeProvider Clock => clock;

    public ValueTask RecordAsync(SignInLogEntry entry) =>
        queue.Writer.TryWrite(entry) ? ValueTask.CompletedTask : queue.Writer.WriteAsync(entry);
}
