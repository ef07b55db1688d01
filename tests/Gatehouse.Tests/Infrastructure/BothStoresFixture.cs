namespace Gatehouse.Tests.Infrastructure;

/// <summary>
/// One real server per store kind, started when a test first asks for it and shared by the test class, for
/// HTTP-level tests that run as [Theory] over "sqlite" and "postgres".
/// </summary>
public sealed class BothStoresFixture : IAsyncLifetime
{
    private readonly Dictionary<string, Task<TokenServiceFixture>> servers = [];
    private readonly Lock gate = new();

    public Task<TokenServiceFixture> GetAsync(string kind)
    {
        lock (gate)
        {
            if (!servers.TryGetValue(kind, out var server))
            {
                server = StartAsync(kind);
                servers[kind] = server;
            }

            return server;
        }
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        foreach (var server in servers.Values)
        {
            await (await server).DisposeAsync();
        }
    }

    private static async Task<TokenServiceFixture> StartAsync(string kind)
    {
        var server = new TokenServiceFixture(kind);
        await server.InitializeAsync();
        return server;
    }
}
