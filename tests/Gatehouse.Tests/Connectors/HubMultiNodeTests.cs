using System.Text.Json;
using Gatehouse.Tests.Infrastructure;

namespace Gatehouse.Tests.Connectors;

/// <summary>Two hub nodes over one PostgreSQL share the instances and refresh each one once.</summary>
public sealed class HubMultiNodeTests
{
    [Fact]
    [Trait(StoreTrait.Name, StoreTrait.Postgres)]
    public async Task Two_nodes_refresh_an_instance_once_each_time_it_is_due()
    {
        var environment = InstanceRefreshTests.QuickRefreshAgainstProvider;
        await using var scenario = await HubScenario.StartAsync("postgres", environment);
        var settings = new Dictionary<string, string>(environment) { ["GATEHOUSE_HUB_GRAPH_URL"] = scenario.Provider.Url };
        await using var second = await InProcessGatehouse.StartAsync(scenario.Store, settings);
        using var secondHttp = second.CreateClient();
        var secondNode = new HubClient(secondHttp, scenario.Hub.OrganizationSecret, scenario.Hub.UserSecret);
        var (id, token) = await scenario.CreateDelegatedInstanceAsync();

        // Each time the clock moves into the refresh window, both nodes find the token due within one 200 ms poll.
        // Refresh tokens rotate: had both refreshed with the same one, the second would revoke the grant (AADSTS70008)
        // and the instance would need re-authentication.
        var instance = default(JsonElement);
        for (var refreshed = 1; refreshed <= 4; refreshed++)
        {
            scenario.MoveIntoRefreshWindow();
            instance = await scenario.Hub.WaitForInstanceAsync(id, i => InstanceRefreshTests.Health(i).GetProperty("refreshCount").GetInt32() >= refreshed, TimeSpan.FromSeconds(60));
        }

        Assert.Equal("healthy", InstanceRefreshTests.Health(instance).GetProperty("state").GetString());
        var refreshes = InstanceRefreshTests.Health(instance).GetProperty("refreshCount").GetInt32();
        await scenario.Events.WaitForAsync(r => Refreshed(r) >= refreshes, TimeSpan.FromSeconds(20));
        var counts = scenario.Events.Received.Where(r => HubScenario.EventType(r) == "instance.refreshed").GroupBy(Refreshed).ToList();
        Assert.All(counts, c => Assert.Single(c));
        Assert.Equal(200, (await secondNode.JsonAsync(HttpMethod.Get, "/proxy/me", instanceToken: token)).Status);
        Assert.Equal(200, (await scenario.Hub.JsonAsync(HttpMethod.Get, "/proxy/me", instanceToken: token)).Status);
    }

    /// <summary>The refresh count an instance.refreshed event reports: each must be announced exactly once.</summary>
    private static int Refreshed(ReceivedRequest received) =>
        HubScenario.EventType(received) == "instance.refreshed"
            ? JsonDocument.Parse(received.Body).RootElement.GetProperty("instance").GetProperty("health").GetProperty("refreshCount").GetInt32()
            : -1;
}
