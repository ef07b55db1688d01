using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Gatehouse.Tests.Infrastructure;

namespace Gatehouse.Tests.Arm;

/// <summary>The two Resource Manager calls `az login --service-principal` makes, with a token MSAL gets for the management audience.</summary>
public sealed class ArmListTests(GatehouseOnBothStores gatehouse) : IClassFixture<GatehouseOnBothStores>
{
    private const string ApiVersion = "api-version=2022-12-01";

    [Theory]
    [BothStores]
    public async Task With_a_management_token_tenants_lists_the_callers_tenant_and_subscriptions_its_one_subscription(string store)
    {
        var server = await gatehouse.OnAsync(store);
        var token = await TokenAsync(server, "arm-lists-" + store, "https://management.azure.com/.default");

        using var tenants = await GetAsync(server, $"/tenants?{ApiVersion}", token);
        using var subscriptions = await GetAsync(server, $"/subscriptions?{ApiVersion}", token);
        var shown = await GatehouseCli.JsonAsync(server.Store, "tenant", "show");

        Assert.Equal(HttpStatusCode.OK, tenants.StatusCode);
        var tenant = Assert.Single((await JsonAsync(tenants)).GetProperty("value").EnumerateArray());
        Assert.Equal($"/tenants/{TokenServiceFixture.TenantId}", tenant.GetProperty("id").GetString());
        Assert.Equal(TokenServiceFixture.TenantId, tenant.GetProperty("tenantId").GetString());
        Assert.Equal("Home", tenant.GetProperty("tenantCategory").GetString());
        Assert.Contains(TokenServiceFixture.TenantDomain, tenant.GetProperty("domains").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal(shown.GetProperty("displayName").GetString(), tenant.GetProperty("displayName").GetString());

        Assert.Equal(HttpStatusCode.OK, subscriptions.StatusCode);
        var subscription = Assert.Single((await JsonAsync(subscriptions)).GetProperty("value").EnumerateArray());
        var subscriptionId = subscription.GetProperty("subscriptionId").GetString();
        Assert.Equal(shown.GetProperty("subscriptionId").GetString(), subscriptionId);
        Assert.NotEqual(TokenServiceFixture.TenantId, subscriptionId);
        Assert.Equal($"/subscriptions/{subscriptionId}", subscription.GetProperty("id").GetString());
        Assert.Equal(TokenServiceFixture.TenantId, subscription.GetProperty("tenantId").GetString());
        Assert.Equal("Enabled", subscription.GetProperty("state").GetString());
        Assert.Equal("RoleBased", subscription.GetProperty("authorizationSource").GetString());
        Assert.Equal("Off", subscription.GetProperty("subscriptionPolicies").GetProperty("spendingLimit").GetString());
        Assert.False(string.IsNullOrEmpty(subscription.GetProperty("displayName").GetString()));
    }

    [Fact]
    public async Task The_subscription_id_is_the_same_on_another_store_with_the_same_tenant()
    {
        var onSqlite = await GatehouseCli.JsonAsync((await gatehouse.OnAsync(StoreTrait.Sqlite)).Store, "tenant", "show");
        using var other = TestStore.Sqlite();

        var onOther = await GatehouseCli.JsonAsync(other, "tenant", "show");

        Assert.Equal(onSqlite.GetProperty("tenantId").GetString(), onOther.GetProperty("tenantId").GetString());
        Assert.Equal(onSqlite.GetProperty("subscriptionId").GetString(), onOther.GetProperty("subscriptionId").GetString());
    }

    [Fact]
    public async Task The_Azure_CLIs_double_slash_scope_gets_a_token_the_lists_accept()
    {
        var server = await gatehouse.OnAsync(StoreTrait.Sqlite);
        var token = await TokenAsync(server, "arm-cli-scope", "https://management.core.windows.net//.default");

        using var subscriptions = await GetAsync(server, $"/subscriptions?{ApiVersion}", token);

        Assert.Equal(HttpStatusCode.OK, subscriptions.StatusCode);
    }

    [Fact]
    public async Task Without_a_token_the_lists_answer_401_with_a_Bearer_challenge_in_ARMs_shape()
    {
        var server = await gatehouse.OnAsync(StoreTrait.Sqlite);

        using var response = await GetAsync(server, $"/subscriptions?{ApiVersion}", token: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var challenge = Assert.Single(response.Headers.WwwAuthenticate);
        Assert.Equal("Bearer", challenge.Scheme);
        Assert.Contains("authorization_uri=", challenge.Parameter, StringComparison.Ordinal);
        Assert.Equal("AuthenticationFailed", (await JsonAsync(response)).GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_Microsoft_Graph_token_is_refused_for_its_audience()
    {
        var server = await gatehouse.OnAsync(StoreTrait.Sqlite);
        var token = await TokenAsync(server, "arm-graph-token", "https://graph.microsoft.com/.default");

        using var response = await GetAsync(server, $"/tenants?{ApiVersion}", token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var error = (await JsonAsync(response)).GetProperty("error");
        Assert.Equal("InvalidAuthenticationTokenAudience", error.GetProperty("code").GetString());
        Assert.Contains("https://management.azure.com/", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_an_api_version_the_lists_answer_ARMs_400_MissingApiVersionParameter()
    {
        var server = await gatehouse.OnAsync(StoreTrait.Sqlite);
        var token = await TokenAsync(server, "arm-no-version", "https://management.azure.com/.default");

        using var response = await GetAsync(server, "/tenants", token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("MissingApiVersionParameter", (await JsonAsync(response)).GetProperty("error").GetProperty("code").GetString());
    }

    private static async Task<string> TokenAsync(TokenServiceFixture server, string name, string scope)
    {
        var client = await server.RegisterClientAsync(name);
        var result = await server.Msal(client).AcquireTokenForClient([scope]).ExecuteAsync(TestContext.Current.CancellationToken);
        return result.AccessToken;
    }

    private static async Task<HttpResponseMessage> GetAsync(TokenServiceFixture server, string path, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = token is null ? null : new AuthenticationHeaderValue("Bearer", token);
        return await server.Http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
}
