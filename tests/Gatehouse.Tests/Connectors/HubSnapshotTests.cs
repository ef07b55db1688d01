using System.Diagnostics;
using Gatehouse.Tests.Infrastructure;

namespace Gatehouse.Tests.Connectors;

/// <summary>
/// Calls through an instance are answered from what each node keeps of the hub's secrets and instances: a change is
/// still seen at once on the node that made it, and on another node as soon as the store tells it.
/// </summary>
public sealed class HubSnapshotTests
{
    private static readonly TimeSpan OtherNodePatience = TimeSpan.FromSeconds(10);

    [Theory]
    [BothStores]
    public async Task A_disabled_or_deleted_instance_is_refused_on_the_very_next_proxied_call(string store)
    {
        await using var scenario = await HubScenario.StartAsync(store, InstanceRefreshTests.QuickRefreshAgainstProvider);
        var (id, token) = await scenario.CreateAppOnlyInstanceAsync();
        Assert.Equal(200, await ProxyAsync(scenario.Hub, token));
        Assert.Equal(200, await ProxyAsync(scenario.Hub, token));

        Assert.Equal(200, (await scenario.Hub.JsonAsync(HttpMethod.Delete, $"/instances/{id}/enabled")).Status);
        Assert.Equal(409, await ProxyAsync(scenario.Hub, token));

        Assert.Equal(200, (await scenario.Hub.JsonAsync(HttpMethod.Put, $"/instances/{id}/enabled")).Status);
        Assert.Equal(200, await ProxyAsync(scenario.Hub, token));

        Assert.Equal(200, (await scenario.Hub.JsonAsync(HttpMethod.Delete, $"/instances/{id}")).Status);
        Assert.Equal(401, await ProxyAsync(scenario.Hub, token));
    }

    [Theory]
    [BothStores]
    public async Task Two_nodes_agree_on_an_instance_disabled_enabled_and_deleted_on_one_of_them(string store)
    {
        var environment = InstanceRefreshTests.QuickRefreshAgainstProvider;
        await using var scenario = await HubScenario.StartAsync(store, environment);
        var settings = new Dictionary<string, string>(environment) { ["GATEHOUSE_HUB_GRAPH_URL"] = scenario.Provider.Url };
        await using var second = await InProcessGatehouse.StartAsync(scenario.Store, settings);
        using var secondHttp = second.CreateClient();
        var secondNode = new HubClient(secondHttp, scenario.Hub.OrganizationSecret, scenario.Hub.UserSecret);
        var (id, token) = await scenario.CreateAppOnlyInstanceAsync();
        Assert.Equal(200, await ProxyAsync(secondNode, token));
        Assert.Equal(200, await ProxyAsync(secondNode, token));

        Assert.Equal(200, (await scenario.Hub.JsonAsync(HttpMethod.Delete, $"/instances/{id}/enabled")).Status);
        Assert.Equal(409, await ProxyAsync(scenario.Hub, token));
        Assert.Equal(409, await WaitForStatusAsync(secondNode, token, 409));

        Assert.Equal(200, (await scenario.Hub.JsonAsync(HttpMethod.Put, $"/instances/{id}/enabled")).Status);
        Assert.Equal(200, await WaitForStatusAsync(secondNode, token, 200));

        Assert.Equal(200, (await scenario.Hub.JsonAsync(HttpMethod.Delete, $"/instances/{id}")).Status);
        Assert.Equal(401, await WaitForStatusAsync(secondNode, token, 401));
    }

    private static async Task<int> ProxyAsync(HubClient hub, string token) =>
        (await hub.JsonAsync(HttpMethod.Get, "/proxy/me", instanceToken: token)).Status;

    /// <summary>The other node's answer once it is <paramref name="expected"/>, or its last answer after a bounded wait.</summary>
    private static async Task<int> WaitForStatusAsync(HubClient hub, string token, int expected)
    {
        var waited = Stopwatch.StartNew();
        var status = await ProxyAsync(hub, token);
        while (status != expected && waited.Elapsed < OtherNodePatience)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
            status = await ProxyAsync(hub, token);
        }

        return status;
    }
}
