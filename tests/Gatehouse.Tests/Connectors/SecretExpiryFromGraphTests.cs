using Gatehouse.Tests.Infrastructure;

namespace Gatehouse.Tests.Connectors;

/// <summary>An instance created without the API secret's expiry learns it from this Gatehouse's Graph /applications.</summary>
public sealed class SecretExpiryFromGraphTests
{
    [Theory]
    [BothStores]
    public async Task Health_shows_the_api_secret_expiry_read_from_Graph_applications(string store)
    {
        await using var scenario = await HubScenario.StartAsync(store);
        await GatehouseCli.JsonAsync(scenario.Store, "app", "permission", "add", "--app", scenario.App.AppId, "--api", "Microsoft Graph",
            "--permission", "Application.Read.All", "--type", "Application");
        await GatehouseCli.JsonAsync(scenario.Store, "app", "consent", "--app", scenario.App.AppId);
        var expires = TimeProvider.System.GetUtcNow().AddDays(20);
        var secret = await GatehouseCli.JsonAsync(scenario.Store, "app", "secret", "add", "--app", scenario.App.AppId, "--expires", expires.ToString("O"));
        var configuration = scenario.Configuration(events: false);
        configuration.Remove("oauth.callback.url");
        configuration["oauth.grant.type"] = "client_credentials";
        configuration["oauth.api.secret"] = secret.GetProperty("secretText").GetString()!;

        var (status, created) = await scenario.Hub.JsonAsync(HttpMethod.Post, "/instances", new { element = new { key = "office365" }, configuration, name = "expiry" });
        var (_, health) = await scenario.Hub.JsonAsync(HttpMethod.Get, "/instances/health?days=30");

        Assert.True(status == 200, created.ToString());
        Assert.Equal("graph", InstanceRefreshTests.Health(created).GetProperty("apiSecretExpiresSource").GetString());
        var entry = Assert.Single(health.EnumerateArray());
        Assert.Equal(created.GetProperty("id").GetInt64(), entry.GetProperty("id").GetInt64());
        Assert.Equal(19, entry.GetProperty("apiSecretExpiresInDays").GetInt32());
        Assert.Equal(secret.GetProperty("endDateTime").GetDateTimeOffset(), entry.GetProperty("apiSecretExpires").GetDateTimeOffset());
    }
}
