using System.Text.Json;
using Gatehouse.Tests.Infrastructure;

namespace Gatehouse.Tests.Connectors;

/// <summary>Keeping instances alive: refresh ahead of expiry, a removed secret, rotation, and events about it all.</summary>
public sealed class InstanceRefreshTests
{
    /// <summary><see cref="HubScenario.QuickRefresh"/>, with the office365 element's Graph calls going to the provider listener.</summary>
    internal static readonly Dictionary<string, string> QuickRefreshAgainstProvider = new(HubScenario.QuickRefresh)
    {
        ["GATEHOUSE_HUB_GRAPH_URL"] = "provider",
    };

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(40);

    [Theory]
    [BothStores]
    public async Task A_short_lived_access_token_is_refreshed_before_it_expires_and_the_app_gets_a_signed_event(string store)
    {
        await using var scenario = await HubScenario.StartAsync(store, QuickRefreshAgainstProvider);
        var (id, token) = await scenario.CreateDelegatedInstanceAsync();
        var before = await ProxiedBearerAsync(scenario, token);

        scenario.MoveIntoRefreshWindow();
        var instance = await scenario.Hub.WaitForInstanceAsync(id, i => Health(i).GetProperty("refreshCount").GetInt32() >= 1, Patience);

        Assert.Equal("healthy", Health(instance).GetProperty("state").GetString());
        Assert.True(scenario.Store.Clock.GetUtcNow().ToUnixTimeSeconds() < Jwt.Payload(before).GetProperty("exp").GetInt64(), "refreshed only after the token expired");
        var after = await ProxiedBearerAsync(scenario, token);
        Assert.NotEqual(before, after);
        Assert.True(Jwt.Payload(after).GetProperty("exp").GetInt64() > Jwt.Payload(before).GetProperty("exp").GetInt64());
        var refreshed = await scenario.Events.WaitForAsync(r => HubScenario.EventType(r) == "instance.refreshed", Patience);
        Assert.True(HubScenario.IsSigned(refreshed));
        var delivered = await scenario.Hub.WaitForInstanceAsync(id, i => i.GetProperty("eventDeliveries").EnumerateArray()
            .Any(d => d.GetProperty("eventType").GetString() == "instance.refreshed" && d.GetProperty("lastResult").GetString() == "200"), Patience);
        Assert.Equal(1, delivered.GetProperty("eventDeliveries").EnumerateArray().First(d => d.GetProperty("eventType").GetString() == "instance.refreshed").GetProperty("attempts").GetInt32());
    }

    [Theory]
    [BothStores]
    public async Task A_secret_removed_from_the_app_registration_turns_the_instance_to_needs_re_authentication(string store)
    {
        await using var scenario = await HubScenario.StartAsync(store, QuickRefreshAgainstProvider);
        var (id, token) = await scenario.CreateDelegatedInstanceAsync();

        await GatehouseCli.JsonAsync(scenario.Store, "app", "secret", "remove", "--app", scenario.App.AppId, "--key-id", scenario.App.SecretKeyId);
        scenario.MoveIntoRefreshWindow();
        var instance = await scenario.Hub.WaitForInstanceAsync(id, i => Health(i).GetProperty("state").GetString() == "needs re-authentication", Patience);

        Assert.Equal("AADSTS7000215", Health(instance).GetProperty("problem").GetProperty("code").GetString());
        Assert.False(instance.GetProperty("valid").GetBoolean());
        var notice = await scenario.Events.WaitForAsync(r => HubScenario.EventType(r) == "instance.needs_reauthentication", Patience);
        Assert.True(HubScenario.IsSigned(notice));
        var body = JsonDocument.Parse(notice.Body).RootElement;
        Assert.Equal(id, body.GetProperty("instance").GetProperty("id").GetInt64());
        Assert.Equal("AADSTS7000215", body.GetProperty("detail").GetProperty("code").GetString());

        var (status, error) = await scenario.Hub.JsonAsync(HttpMethod.Get, "/proxy/me", instanceToken: token);
        Assert.Equal(409, status);
        Assert.Equal("AADSTS7000215", error.GetProperty("providerCode").GetString());
        var (_, health) = await scenario.Hub.JsonAsync(HttpMethod.Get, "/instances/health");
        Assert.Equal(id, Assert.Single(health.EnumerateArray()).GetProperty("id").GetInt64());

        // The fix: a new secret and a new sign-in.
        var secret = await GatehouseCli.AddSecretAsync(scenario.Store, scenario.App.AppId, "1y");
        var code = await scenario.SignInForCodeAsync();
        (status, instance) = await scenario.Hub.JsonAsync(HttpMethod.Put, $"/instances/{id}?reAuthenticate=true", new
        {
            providerData = new { code },
            configuration = new Dictionary<string, string> { ["oauth.api.secret"] = secret.GetProperty("secretText").GetString()! },
        });
        Assert.True(status == 200, instance.ToString());
        Assert.Equal("healthy", Health(instance).GetProperty("state").GetString());
        Assert.Equal(200, (await scenario.Hub.JsonAsync(HttpMethod.Get, "/proxy/me", instanceToken: token)).Status);
    }

    [Theory]
    [BothStores]
    public async Task Rotating_to_a_new_secret_loses_no_call_and_a_wrong_one_changes_nothing(string store)
    {
        await using var scenario = await HubScenario.StartAsync(store, QuickRefreshAgainstProvider);
        var (id, token) = await scenario.CreateDelegatedInstanceAsync();
        using var stop = new CancellationTokenSource();
        var statuses = new List<int>();
        var calls = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                statuses.Add((await scenario.Hub.JsonAsync(HttpMethod.Get, "/proxy/me", instanceToken: token)).Status);
                await Task.Delay(100, CancellationToken.None);
            }
        }, CancellationToken.None);

        var (status, error) = await scenario.Hub.JsonAsync(HttpMethod.Put, $"/instances/{id}",
            new { configuration = new Dictionary<string, string> { ["oauth.api.secret"] = "not-a-secret-of-the-app" } });
        Assert.Equal(400, status);
        Assert.Equal("AADSTS7000215", error.GetProperty("providerCode").GetString());

        var newSecret = await GatehouseCli.AddSecretAsync(scenario.Store, scenario.App.AppId, "1y");
        var (rotated, instance) = await scenario.Hub.JsonAsync(HttpMethod.Put, $"/instances/{id}",
            new { configuration = new Dictionary<string, string> { ["oauth.api.secret"] = newSecret.GetProperty("secretText").GetString()! } });
        Assert.True(rotated == 200, instance.ToString());
        var count = Health(instance).GetProperty("refreshCount").GetInt32();
        await GatehouseCli.JsonAsync(scenario.Store, "app", "secret", "remove", "--app", scenario.App.AppId, "--key-id", scenario.App.SecretKeyId);

        // Refreshes after the old secret is gone still succeed: the instance uses the new one.
        foreach (var refreshed in new[] { count + 1, count + 2 })
        {
            scenario.MoveIntoRefreshWindow();
            instance = await scenario.Hub.WaitForInstanceAsync(id, i => Health(i).GetProperty("refreshCount").GetInt32() >= refreshed, Patience);
        }

        await stop.CancelAsync();
        await calls;

        Assert.Equal("healthy", Health(instance).GetProperty("state").GetString());
        Assert.NotEmpty(statuses);
        Assert.All(statuses, s => Assert.Equal(200, s));
        Assert.False(await StoreContents.ContainAsync(scenario.Store, newSecret.GetProperty("secretText").GetString()!));
    }

    [Theory]
    [BothStores]
    public async Task A_provider_401_gets_one_refresh_and_one_retry(string store)
    {
        string? refused = null;
        await using var scenario = await HubScenario.StartAsync(store, new Dictionary<string, string> { ["GATEHOUSE_HUB_GRAPH_URL"] = "provider" }, request =>
        {
            // The provider revokes the first token it sees, as Graph does after a password reset.
            if (!request.Path.StartsWith("/v1.0/me", StringComparison.Ordinal))
            {
                return (404, "{}", null);
            }

            refused ??= request.Bearer;
            return request.Bearer == refused ? (401, "{\"error\":{\"code\":\"InvalidAuthenticationToken\"}}", null) : (200, "{\"id\":\"me\"}", null);
        });
        var (id, token) = await scenario.CreateDelegatedInstanceAsync();

        var (status, body) = await scenario.Hub.JsonAsync(HttpMethod.Get, "/proxy/me", instanceToken: token);

        Assert.Equal(200, status);
        Assert.Equal("me", body.GetProperty("id").GetString());
        Assert.Equal(2, scenario.Provider.Received.Count(r => r.Path == "/v1.0/me"));
        Assert.Equal(1, Health(await scenario.Hub.GetInstanceAsync(id)).GetProperty("refreshCount").GetInt32());
    }

    [Fact]
    public async Task The_proxy_waits_out_429_as_Retry_After_says_and_returns_the_providers_answer_unchanged()
    {
        var calls = 0;
        await using var scenario = await HubScenario.StartAsync("sqlite", new Dictionary<string, string> { ["GATEHOUSE_HUB_GRAPH_URL"] = "provider" }, request =>
            request.Method != "POST" ? (404, "{}", null)
            : Interlocked.Increment(ref calls) == 1
                ? (429, "{\"error\":{\"code\":\"TooManyRequests\"}}", new Dictionary<string, string> { ["Retry-After"] = "1" })
                : (201, "{\"id\":\"created\"}", new Dictionary<string, string> { ["ETag"] = "W/\"7\"" }));
        var (_, token) = await scenario.CreateAppOnlyInstanceAsync();

        using var response = await scenario.Hub.SendAsync(HttpMethod.Post, "/proxy/users", new { displayName = "Ada" }, token);

        Assert.Equal(201, (int)response.StatusCode);
        Assert.Equal("W/\"7\"", response.Headers.ETag!.ToString());
        Assert.Equal("{\"id\":\"created\"}", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var posts = scenario.Provider.Received.Where(r => r.Method == "POST").ToList();
        Assert.Equal(2, posts.Count);
        Assert.All(posts, p => Assert.Equal("{\"displayName\":\"Ada\"}", p.Body));
    }

    [Fact]
    public async Task An_api_secret_expiring_within_the_window_is_listed_by_health_and_announced_once()
    {
        await using var scenario = await HubScenario.StartAsync("sqlite", QuickRefreshAgainstProvider);
        var configuration = scenario.Configuration();
        configuration.Remove("oauth.callback.url");
        configuration["oauth.grant.type"] = "client_credentials";
        configuration["oauth.api.secret.expires"] = scenario.Store.Clock.GetUtcNow().AddDays(10).ToString("O");
        var (status, created) = await scenario.Hub.JsonAsync(HttpMethod.Post, "/instances", new { element = new { key = "office365" }, configuration });
        Assert.True(status == 200, created.ToString());
        var id = created.GetProperty("id").GetInt64();

        var (_, health) = await scenario.Hub.JsonAsync(HttpMethod.Get, "/instances/health");
        var entry = Assert.Single(health.EnumerateArray());
        Assert.Equal(id, entry.GetProperty("id").GetInt64());
        Assert.Equal(9, entry.GetProperty("apiSecretExpiresInDays").GetInt32());
        Assert.Equal(0, (await scenario.Hub.JsonAsync(HttpMethod.Get, "/instances/health?days=5")).Body.GetArrayLength());
        Assert.Equal(400, (await scenario.Hub.JsonAsync(HttpMethod.Get, "/instances/health?days=soon")).Status);

        var warning = await scenario.Events.WaitForAsync(r => HubScenario.EventType(r) == "instance.secret_expiring", Patience);
        Assert.True(HubScenario.IsSigned(warning));
        // Five more passes of the 200 ms poller, and a day later still: no second warning.
        await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
        scenario.Store.Clock.Advance(TimeSpan.FromDays(1));
        await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
        Assert.Single(scenario.Events.Received, r => HubScenario.EventType(r) == "instance.secret_expiring");
    }

    internal static JsonElement Health(JsonElement instance) => instance.GetProperty("health");

    private static async Task<string> ProxiedBearerAsync(HubScenario scenario, string token)
    {
        var seen = scenario.Provider.Received.Count;
        Assert.Equal(200, (await scenario.Hub.JsonAsync(HttpMethod.Get, "/proxy/me", instanceToken: token)).Status);
        return scenario.Provider.Received.Skip(seen).Last(r => r.Path == "/v1.0/me").Bearer!;
    }
}
