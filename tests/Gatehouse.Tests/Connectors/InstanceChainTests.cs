using System.Text.Json;
using Gatehouse.Tests.Infrastructure;

namespace Gatehouse.Tests.Connectors;

/// <summary>The seed document's last step: authenticating an Office 365 instance with the app's API key and secret.</summary>
public sealed class InstanceChainTests
{
    private static readonly string[] GraphAudiences = ["https://graph.microsoft.com", "00000003-0000-0000-c000-000000000000"];
    private static readonly Dictionary<string, string> GraphAtProvider = new() { ["GATEHOUSE_HUB_GRAPH_URL"] = "provider" };

    [Theory]
    [BothStores]
    public async Task A_signed_in_users_code_becomes_an_instance_that_calls_the_provider_with_a_delegated_token(string store)
    {
        await using var scenario = await HubScenario.StartAsync(store, GraphAtProvider);
        var (id, token) = await scenario.CreateDelegatedInstanceAsync();

        var (status, answer) = await scenario.Hub.JsonAsync(HttpMethod.Get, "/proxy/me/events?$top=5", instanceToken: token);

        Assert.Equal(200, status);
        Assert.Equal("/v1.0/me/events?$top=5", answer.GetProperty("path").GetString());
        var call = Assert.Single(scenario.Provider.Received, r => r.Path.StartsWith("/v1.0/me", StringComparison.Ordinal));
        var claims = Jwt.Payload(call.Bearer!);
        Assert.Contains(claims.GetProperty("aud").GetString(), GraphAudiences);
        Assert.Contains("Calendars.Read", claims.GetProperty("scp").GetString()!.Split(' '));
        Assert.Equal(scenario.SignIn.Upn, claims.GetProperty("upn").GetString());

        var instance = await scenario.Hub.GetInstanceAsync(id);
        Assert.Equal("healthy", instance.GetProperty("health").GetProperty("state").GetString());
        Assert.Equal("office365", instance.GetProperty("element").GetProperty("key").GetString());
        Assert.Equal("********", instance.GetProperty("configuration").GetProperty("oauth.api.secret").GetString());
        Assert.False(instance.TryGetProperty("token", out _));

        foreach (var value in new[] { scenario.App.Secret, token, call.Bearer!, scenario.Hub.OrganizationSecret, scenario.Hub.UserSecret, HubScenario.SignatureKey })
        {
            Assert.False(await StoreContents.ContainAsync(scenario.Store, value), "A secret or token is in the store in clear.");
        }
    }

    [Theory]
    [BothStores]
    public async Task A_client_credentials_instance_calls_with_an_app_only_token_carrying_the_granted_roles(string store)
    {
        await using var scenario = await HubScenario.StartAsync(store, GraphAtProvider);
        var (_, token) = await scenario.CreateAppOnlyInstanceAsync();

        var (status, _) = await scenario.Hub.JsonAsync(HttpMethod.Get, "/proxy/users", instanceToken: token);

        Assert.Equal(200, status);
        var call = Assert.Single(scenario.Provider.Received, r => r.Path == "/v1.0/users");
        var claims = Jwt.Payload(call.Bearer!);
        Assert.Equal("app", claims.GetProperty("idtyp").GetString());
        Assert.Contains("User.Read.All", claims.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Theory]
    [BothStores]
    public async Task Another_organization_can_neither_see_nor_use_the_instance(string store)
    {
        await using var scenario = await HubScenario.StartAsync(store, GraphAtProvider);
        var (id, token) = await scenario.CreateAppOnlyInstanceAsync();
        var other = await HubClient.CreateAsync(scenario.Store, scenario.Gatehouse.Http);

        var (listStatus, list) = await other.JsonAsync(HttpMethod.Get, "/instances");
        Assert.Equal(200, listStatus);
        Assert.Equal(0, list.GetArrayLength());
        Assert.Equal(404, (await other.JsonAsync(HttpMethod.Get, $"/instances/{id}")).Status);
        Assert.Equal(404, (await other.JsonAsync(HttpMethod.Delete, $"/instances/{id}")).Status);
        Assert.Equal(404, (await other.JsonAsync(HttpMethod.Put, $"/instances/{id}", new { name = "taken" })).Status);
        var (proxyStatus, error) = await other.JsonAsync(HttpMethod.Get, "/proxy/users", instanceToken: token);
        Assert.Equal(401, proxyStatus);
        Assert.True(error.TryGetProperty("requestId", out _));
        Assert.DoesNotContain(scenario.Provider.Received, r => r.Path == "/v1.0/users");

        var (ownStatus, own) = await scenario.Hub.JsonAsync(HttpMethod.Get, "/instances");
        Assert.Equal(200, ownStatus);
        Assert.Equal(id, Assert.Single(own.EnumerateArray()).GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task Calls_without_the_organizations_secrets_are_refused_in_cloud_elements_shape()
    {
        await using var scenario = await HubScenario.StartAsync("sqlite");
        using var anonymous = await scenario.Gatehouse.Http.GetAsync(new Uri("/elements/api-v2/elements", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(401, (int)anonymous.StatusCode);
        var body = JsonDocument.Parse(await anonymous.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        Assert.Matches("^[0-9a-f]{24}$", body.GetProperty("requestId").GetString());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("message").GetString()));

        var wrongOrganization = new HubClient(scenario.Gatehouse.Http, new string('0', 32), scenario.Hub.UserSecret);
        Assert.Equal(401, (await wrongOrganization.JsonAsync(HttpMethod.Get, "/elements")).Status);
    }

    [Fact]
    public async Task The_connector_list_names_office365_with_its_configuration_keys_and_this_gatehouse_as_authority()
    {
        await using var scenario = await HubScenario.StartAsync("sqlite");
        var (status, elements) = await scenario.Hub.JsonAsync(HttpMethod.Get, "/elements");

        Assert.Equal(200, status);
        var office365 = Assert.Single(elements.EnumerateArray(), e => e.GetProperty("key").GetString() == "office365");
        Assert.Equal(scenario.Gatehouse.BaseUrl + "/", office365.GetProperty("authority").GetString());
        Assert.Equal(TokenServiceFixture.TenantId, office365.GetProperty("tenant").GetString());
        var keys = office365.GetProperty("configuration").EnumerateArray().Select(c => c.GetProperty("key").GetString()).ToList();
        Assert.Contains("oauth.api.key", keys);
        Assert.Contains("oauth.api.secret", keys);
        Assert.Contains("oauth.callback.url", keys);
        Assert.Equal(404, (await scenario.Hub.JsonAsync(HttpMethod.Get, "/elements/nosuch/oauth/url?apiKey=x&callbackUrl=https://localhost/callback")).Status);
    }

    [Fact]
    public async Task Authority_refusals_come_back_with_the_AADSTS_code_and_what_to_fix()
    {
        await using var scenario = await HubScenario.StartAsync("sqlite");
        var configuration = scenario.Configuration(events: false);
        configuration["oauth.api.secret"] = "not-the-secret";
        configuration["oauth.grant.type"] = "client_credentials";

        var (status, error) = await scenario.Hub.JsonAsync(HttpMethod.Post, "/instances", new { element = new { key = "office365" }, configuration });

        Assert.Equal(400, status);
        Assert.Equal("AADSTS7000215", error.GetProperty("providerCode").GetString());
        Assert.Contains("Certificates & secrets", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("AADSTS7000215", error.GetProperty("providerMessage").GetString(), StringComparison.Ordinal);

        var code = await scenario.SignInForCodeAsync();
        var wrongCallback = scenario.Configuration(events: false);
        wrongCallback["oauth.callback.url"] = "https://localhost/elsewhere";
        (status, error) = await scenario.Hub.JsonAsync(HttpMethod.Post, "/instances", new { element = new { key = "office365" }, providerData = new { code }, configuration = wrongCallback });
        Assert.Equal(400, status);
        Assert.Equal("AADSTS50011", error.GetProperty("providerCode").GetString());
        Assert.Contains("Redirect URIs", error.GetProperty("message").GetString(), StringComparison.Ordinal);

        (status, error) = await scenario.Hub.JsonAsync(HttpMethod.Post, "/instances", new { element = new { key = "office365" }, configuration = scenario.Configuration(events: false) });
        Assert.Equal(400, status);
        Assert.Contains("providerData.code", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, (await scenario.Hub.JsonAsync(HttpMethod.Get, "/instances")).Body.GetArrayLength());
    }

    [Theory]
    [BothStores]
    public async Task Through_instances_this_gatehouses_graph_answers_me_and_pages_users(string store)
    {
        await using var scenario = await HubScenario.StartAsync(store);
        var (_, delegated) = await scenario.CreateDelegatedInstanceAsync(events: false);
        var (_, appOnly) = await scenario.CreateAppOnlyInstanceAsync();

        var (status, me) = await scenario.Hub.JsonAsync(HttpMethod.Get, "/proxy/me", instanceToken: delegated);
        Assert.Equal(200, status);
        Assert.Equal(scenario.SignIn.Upn, me.GetProperty("userPrincipalName").GetString());

        using var first = await scenario.Hub.SendAsync(HttpMethod.Get, "/users?pageSize=1", instanceToken: appOnly);
        Assert.Equal(200, (int)first.StatusCode);
        var firstPage = JsonDocument.Parse(await first.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        var next = Assert.Single(first.Headers.GetValues("Elements-Next-Page-Token"));
        using var second = await scenario.Hub.SendAsync(HttpMethod.Get, $"/users?nextPage={next}", instanceToken: appOnly);
        var secondPage = JsonDocument.Parse(await second.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        var ids = firstPage.EnumerateArray().Concat(secondPage.EnumerateArray()).Select(u => u.GetProperty("id").GetString()).ToList();
        Assert.Equal(2, ids.Count);
        Assert.Equal(2, ids.Distinct().Count());
    }
}
