using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Gatehouse.Tests.Connectors;
using Gatehouse.Tests.Infrastructure;

namespace Gatehouse.Tests.Hosting;

/// <summary>
/// Time travel: with --allow-clock-offset, `gatehouse clock` and POST /admin/clock move every node's clock, and every
/// expiry moves with it; without the flag both are refused.
/// </summary>
public sealed class ClockOffsetTests
{
    internal static readonly Dictionary<string, string> TimeTravel = new() { ["GATEHOUSE_ALLOW_CLOCK_OFFSET"] = "true" };

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(40);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [BothStores]
    public async Task Advancing_past_a_secrets_end_refuses_it_with_AADSTS7000222_and_its_instance_needs_re_authentication(string store)
    {
        await using var scenario = await HubScenario.StartAsync(store, new Dictionary<string, string>(InstanceRefreshTests.QuickRefreshAgainstProvider)
        {
            ["GATEHOUSE_ALLOW_CLOCK_OFFSET"] = "true",
        });
        var secret = await GatehouseCli.AddSecretAsync(scenario.Store, scenario.App.AppId,
            scenario.Store.Clock.GetUtcNow().AddDays(90).ToString("O", CultureInfo.InvariantCulture));
        var expiring = new RegisteredClient(scenario.App.AppId, secret.GetProperty("secretText").GetString()!, secret.GetProperty("keyId").GetString()!);
        var configuration = scenario.Configuration();
        configuration.Remove("oauth.callback.url");
        configuration["oauth.grant.type"] = "client_credentials";
        configuration["oauth.api.secret"] = expiring.Secret;
        var (status, created) = await scenario.Hub.JsonAsync(HttpMethod.Post, "/instances", new { element = new { key = "office365" }, configuration });
        Assert.True(status == 200, created.ToString());
        var id = created.GetProperty("id").GetInt64();
        using (var before = await ClientCredentialsAsync(scenario.Gatehouse, expiring))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        var advanced = await GatehouseCli.JsonAsync(scenario.Store, "clock", "advance", "91d", "--allow-clock-offset");

        Assert.Equal("91.00:00:00", advanced.GetProperty("clockOffset").GetString());
        // The running server follows the CLI's write within its change watcher's poll.
        await WaitForHealthAsync(scenario.Gatehouse.Http, h => h.Contains("clockOffset: 91.00:00:00", StringComparison.Ordinal));
        var refused = await AadstsResponse.ReadAsync(await ClientCredentialsAsync(scenario.Gatehouse, expiring));
        Assert.Equal((HttpStatusCode.Unauthorized, "invalid_client", 7000222), (refused.Status, refused.Error, refused.Code));
        var instance = await scenario.Hub.WaitForInstanceAsync(
            id, i => InstanceRefreshTests.Health(i).GetProperty("state").GetString() == "needs re-authentication", Patience);
        Assert.Equal("AADSTS7000222", InstanceRefreshTests.Health(instance).GetProperty("problem").GetProperty("code").GetString());

        await GatehouseCli.JsonAsync(scenario.Store, "clock", "reset", "--allow-clock-offset");
        await WaitForHealthAsync(scenario.Gatehouse.Http, h => h == "Healthy");
        using var afterReset = await ClientCredentialsAsync(scenario.Gatehouse, expiring);
        Assert.Equal(HttpStatusCode.OK, afterReset.StatusCode);
    }

    [Theory]
    [BothStores]
    public async Task Two_nodes_of_one_store_agree_on_an_offset_set_through_either_and_healthz_shows_it_until_reset(string store)
    {
        await using var first = await TokenServiceFixture.StartAsync(TestStore.Create(store), TimeTravel);
        await using var second = await InProcessGatehouse.StartAsync(first.Store, TimeTravel);
        using var secondHttp = second.CreateClient();
        Assert.Equal("Healthy", await HealthAsync(first.Http));
        using var client = await DelegatedSignIn.CreatePublicAsync(first, "clock-admin", DelegatedSignIn.NativeClientRedirectUri, allowPublicClientFlows: true);
        var adminClient = client.Client.AppId;
        var password = (await File.ReadAllTextAsync(Path.Combine(first.Store.DataFolder, "admin-password.txt"), Ct)).Trim();
        var admin = await PasswordTokenAsync(first.Http, adminClient, "admin@" + TokenServiceFixture.TenantDomain, password);

        using var set = await ClockApiAsync(first.Http, admin, HttpMethod.Post, new { set = "2031-01-01T00:00:00Z" });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        var now = (await set.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("now").GetDateTimeOffset();
        Assert.InRange(now, new DateTimeOffset(2031, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2031, 1, 1, 0, 1, 0, TimeSpan.Zero));
        var seenBySecond = await WaitForHealthAsync(secondHttp, h => h.Contains("now: 2031-01-01", StringComparison.Ordinal));
        Assert.StartsWith("Healthy\nclockOffset: ", seenBySecond, StringComparison.Ordinal);

        var shown = await GatehouseCli.JsonAsync(first.Store, "clock", "show", "--allow-clock-offset");
        Assert.StartsWith("2031-01-01", shown.GetProperty("now").GetString(), StringComparison.Ordinal);
        await GatehouseCli.JsonAsync(first.Store, "clock", "set", "2030-01-01T00:00:00Z", "--allow-clock-offset");
        await WaitForHealthAsync(first.Http, h => h.Contains("now: 2030-01-01", StringComparison.Ordinal));
        await WaitForHealthAsync(secondHttp, h => h.Contains("now: 2030-01-01", StringComparison.Ordinal));

        // The administrator's token of 2026 expired with the move: a new one, from the node that is asked.
        using var expired = await ClockApiAsync(secondHttp, admin, HttpMethod.Get, null);
        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
        var fresh = await PasswordTokenAsync(secondHttp, adminClient, "admin@" + TokenServiceFixture.TenantDomain, password);
        using var reset = await ClockApiAsync(secondHttp, fresh, HttpMethod.Post, new { reset = true });
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.Equal("Healthy", await WaitForHealthAsync(first.Http, h => h == "Healthy"));
        Assert.Equal("Healthy", await HealthAsync(secondHttp));
    }

    [Theory]
    [BothStores]
    public async Task Without_allow_clock_offset_the_verbs_and_the_API_are_refused_saying_how_to_enable_it(string store)
    {
        await using var gatehouse = await TokenServiceFixture.StartAsync(TestStore.Create(store));
        var admin = await AdministratorTokenAsync(gatehouse);

        string[][] verbs = [["clock", "advance", "91d"], ["clock", "set", "2031-01-01"], ["clock", "reset"], ["clock", "show"]];
        foreach (var verb in verbs)
        {
            var refusal = await GatehouseCli.RefusedAsync(gatehouse.Store, verb);
            Assert.Equal("ClockOffsetNotAllowed", refusal.Code);
            Assert.Contains("--allow-clock-offset", refusal.Message, StringComparison.Ordinal);
        }

        using var refused = await ClockApiAsync(gatehouse.Http, admin, HttpMethod.Post, new { advance = "91d" });
        var error = (await refused.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("error");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("ClockOffsetNotAllowed", error.GetProperty("code").GetString());
        Assert.Contains("GATEHOUSE_ALLOW_CLOCK_OFFSET", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("Healthy", await HealthAsync(gatehouse.Http));
    }

    [Fact]
    public async Task Only_a_Global_Administrator_may_move_the_clock_through_the_API()
    {
        await using var gatehouse = await TokenServiceFixture.StartAsync(TestStore.Sqlite(), TimeTravel);
        using var user = await DelegatedSignIn.CreatePublicAsync(gatehouse, "clock-user", DelegatedSignIn.NativeClientRedirectUri, allowPublicClientFlows: true);
        var userToken = await PasswordTokenAsync(gatehouse.Http, user.Client.AppId, user.Upn, user.Password);

        using var anonymous = await ClockApiAsync(gatehouse.Http, null, HttpMethod.Post, new { advance = "1d" });
        using var notAdministrator = await ClockApiAsync(gatehouse.Http, userToken, HttpMethod.Post, new { advance = "1d" });
        using var badDuration = await ClockApiAsync(gatehouse.Http, await AdministratorTokenAsync(gatehouse), HttpMethod.Post, new { advance = "soon" });
        using var otherTenantsAdministrator = await ClockApiAsync(gatehouse.Http, await OtherTenantAdministratorTokenAsync(gatehouse), HttpMethod.Post, new { advance = "1d" });

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, notAdministrator.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badDuration.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, otherTenantsAdministrator.StatusCode);
        Assert.Contains("default tenant", await otherTenantsAdministrator.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal("Healthy", await HealthAsync(gatehouse.Http));
    }

    /// <summary>A Microsoft Graph token of the administrator of a tenant made with `tenant create`: not the default tenant.</summary>
    private static async Task<string> OtherTenantAdministratorTokenAsync(TokenServiceFixture gatehouse)
    {
        var other = await CreatedTenant.CreateAsync(gatehouse.Store, "Clockother");
        var appId = await other.RegisterDesktopAppAsync(gatehouse.Store, "clock-other");
        return await PasswordTokenAsync(gatehouse.Http, appId, other.AdministratorUpn, other.AdministratorPassword, other.TenantId);
    }

    /// <summary>A Microsoft Graph token of the first administrator, whose password first start wrote to the data folder.</summary>
    private static async Task<string> AdministratorTokenAsync(TokenServiceFixture gatehouse)
    {
        using var client = await DelegatedSignIn.CreatePublicAsync(gatehouse, "clock-admin", DelegatedSignIn.NativeClientRedirectUri, allowPublicClientFlows: true);
        var password = (await File.ReadAllTextAsync(Path.Combine(gatehouse.Store.DataFolder, "admin-password.txt"), Ct)).Trim();
        return await PasswordTokenAsync(gatehouse.Http, client.Client.AppId, "admin@" + TokenServiceFixture.TenantDomain, password);
    }

    private static async Task<string> PasswordTokenAsync(HttpClient http, string appId, string upn, string password, string tenant = TokenServiceFixture.TenantId)
    {
        using var response = await http.PostAsync($"/{tenant}/oauth2/v2.0/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["client_id"] = appId,
            ["username"] = upn,
            ["password"] = password,
            ["scope"] = "User.Read",
        }), Ct);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(response.IsSuccessStatusCode, body.ToString());
        return body.GetProperty("access_token").GetString()!;
    }

    private static Task<HttpResponseMessage> ClientCredentialsAsync(TokenServiceFixture gatehouse, RegisteredClient client) =>
        gatehouse.PostTokenAsync(TokenServiceFixture.TenantId, new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = client.AppId,
            ["client_secret"] = client.Secret,
            ["scope"] = "https://graph.microsoft.com/.default",
        });

    private static async Task<HttpResponseMessage> ClockApiAsync(HttpClient http, string? token, HttpMethod method, object? body)
    {
        using var request = new HttpRequestMessage(method, "/admin/clock") { Content = body is null ? null : JsonContent.Create(body) };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await http.SendAsync(request, Ct);
    }

    private static async Task<string> HealthAsync(HttpClient http) => await http.GetStringAsync("/healthz", Ct);

    private static async Task<string> WaitForHealthAsync(HttpClient http, Func<string, bool> done)
    {
        var deadline = TimeProvider.System.GetUtcNow() + TimeSpan.FromSeconds(10);
        var health = await HealthAsync(http);
        while (!done(health) && TimeProvider.System.GetUtcNow() < deadline)
        {
            await Task.Delay(100, Ct);
            health = await HealthAsync(http);
        }

        Assert.True(done(health), health);
        return health;
    }
}
