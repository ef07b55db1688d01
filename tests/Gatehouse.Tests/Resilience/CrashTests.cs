using System.Diagnostics;
using System.Net;
using Gatehouse.Tests.Infrastructure;
using static Gatehouse.Tests.Resilience.ResilienceCalls;

namespace Gatehouse.Tests.Resilience;

/// <summary>
/// The server killed with SIGKILL in the middle of a storm of writes, then started again over the same store: every
/// write it acknowledged is there. A real process, because only a process can be killed.
/// </summary>
public sealed class CrashTests
{
    private const int Rounds = 3;
    private const int Writers = 6;
    private const int AcknowledgedBeforeKill = 20;
    private static readonly TimeSpan StormBound = TimeSpan.FromSeconds(3);

    [Theory]
    [BothStores]
    public async Task Every_acknowledged_write_survives_a_kill_9_mid_storm(string store)
    {
        await using var gatehouse = await TokenServiceFixture.StartAsync(TestStore.Create(store), ownProcess: true);
        var client = await gatehouse.RegisterClientAsync("storm-" + store, ("Microsoft Graph", "Group.ReadWrite.All"));
        var server = (GatehouseProcess)gatehouse.Server;
        var restarted = new List<GatehouseProcess>();
        try
        {
            for (var round = 1; round <= Rounds; round++)
            {
                var acknowledged = await StormThenKillAsync(server, client, $"storm {round} ");
                server = await GatehouseProcess.StartAsync(gatehouse.Store);
                restarted.Add(server);

                var stored = await GroupIdsAsync(server, client, $"storm {round} ");
                Assert.NotEmpty(acknowledged);
                Assert.Empty(acknowledged.Except(stored));
            }
        }
        finally
        {
            foreach (var process in restarted)
            {
                await process.DisposeAsync();
            }
        }
    }

    /// <summary>Writers create groups until the server is killed, once enough were acknowledged; returns their ids.</summary>
    private static async Task<HashSet<string>> StormThenKillAsync(GatehouseProcess server, RegisteredClient client, string prefix)
    {
        using var http = Client(server);
        var token = await AccessTokenAsync(http, client);
        var acknowledged = new HashSet<string>();
        var writers = Enumerable.Range(0, Writers).Select(writer => Task.Run(async () =>
        {
            for (var n = 0; ; n++)
            {
                try
                {
                    using var answer = await CallAsync(http, HttpMethod.Post, "/v1.0/groups", token, new
                    {
                        displayName = $"{prefix}{writer}-{n}", mailEnabled = false, mailNickname = $"storm{writer}x{n}", securityEnabled = true,
                    });
                    if (answer.StatusCode == HttpStatusCode.Created)
                    {
                        var id = (await JsonAsync(answer)).GetProperty("id").GetString()!;
                        lock (acknowledged)
                        {
                            acknowledged.Add(id);
                        }
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                {
                    return;
                }
            }
        })).ToArray();

        var storm = Stopwatch.StartNew();
        while (storm.Elapsed < StormBound && Count(acknowledged) < AcknowledgedBeforeKill)
        {
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }

        using (var process = Process.GetProcessById(server.ProcessId))
        {
            process.Kill();
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        await Task.WhenAll(writers).WaitAsync(RequestBound, TestContext.Current.CancellationToken);
        return acknowledged;
    }

    private static int Count(HashSet<string> ids)
    {
        lock (ids)
        {
            return ids.Count;
        }
    }

    /// <summary>The ids of the groups whose names start with the prefix, every page.</summary>
    private static async Task<HashSet<string>> GroupIdsAsync(GatehouseProcess server, RegisteredClient client, string prefix)
    {
        using var http = Client(server);
        var token = await AccessTokenAsync(http, client);
        var ids = new HashSet<string>();
        string? next = $"/v1.0/groups?$select=id&$top=999&$filter=startswith(displayName,'{prefix}')";
        while (next is not null)
        {
            using var page = await CallAsync(http, HttpMethod.Get, next, token);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            var body = await JsonAsync(page);
            ids.UnionWith(body.GetProperty("value").EnumerateArray().Select(group => group.GetProperty("id").GetString()!));
            next = body.TryGetProperty("@odata.nextLink", out var link) ? new Uri(link.GetString()!).PathAndQuery : null;
        }

        return ids;
    }
}
