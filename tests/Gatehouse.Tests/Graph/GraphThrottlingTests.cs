using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Gatehouse.Tests.Infrastructure;

namespace Gatehouse.Tests.Graph;

/// <summary>An app given a throttle limit gets 429 TooManyRequests with Retry-After once it has used its requests; others never do, and a preflight is no request.</summary>
public sealed class GraphThrottlingTests
{
    [Fact]
    public async Task A_throttled_app_gets_429_with_Retry_After_in_seconds_past_its_limit()
    {
        using var store = TestStore.Sqlite();
        var throttled = await RegisterAsync(store, "throttled");
        var free = await RegisterAsync(store, "free");
        await using var server = await InProcessGatehouse.StartAsync(store, new Dictionary<string, string> { ["GATEHOUSE_GRAPH_THROTTLE"] = $"{throttled.AppId}=2/600" });
        using var http = server.CreateClient();

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 3; i++)
        {
            last?.Dispose();
            last = await GetUsersAsync(http, await TokenAsync(http, throttled));
            statuses.Add(last.StatusCode);
        }

        using var limited = last!;
        var error = JsonDocument.Parse(await limited.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.GetProperty("error");
        using var other = await GetUsersAsync(http, await TokenAsync(http, free));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal("TooManyRequests", error.GetProperty("code").GetString());
        Assert.InRange(int.Parse(limited.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture), 1, 600);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task Preflights_are_not_counted_and_the_429_to_another_origin_exposes_Retry_After()
    {
        using var store = TestStore.Sqlite();
        var throttled = await RegisterAsync(store, "throttled-spa");
        await using var server = await InProcessGatehouse.StartAsync(store, new Dictionary<string, string> { ["GATEHOUSE_GRAPH_THROTTLE"] = $"{throttled.AppId}=2/600" });
        using var http = server.CreateClient();
        var token = await TokenAsync(http, throttled);

        var preflights = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var preflight = await http.SendAsync(CrossOrigin.Preflight("/v1.0/users?$top=1", "GET", "authorization"), TestContext.Current.CancellationToken);
            preflights.Add(preflight.StatusCode);
        }

        using var first = await GetUsersAsync(http, token, CrossOrigin.SpaOrigin);
        using var second = await GetUsersAsync(http, token, CrossOrigin.SpaOrigin);
        using var limited = await GetUsersAsync(http, token, CrossOrigin.SpaOrigin);

        Assert.All(preflights, status => Assert.Equal(HttpStatusCode.NoContent, status));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], [first.StatusCode, second.StatusCode, limited.StatusCode]);
        CrossOrigin.AssertReadable(limited, "Retry-After", "request-id");
    }

    private static async Task<RegisteredClient> RegisterAsync(TestStore store, string name)
    {
        var appId = await GatehouseCli.CreateAppAsync(store, name);
        var secret = await GatehouseCli.AddSecretAsync(store, appId, "never");
        await GatehouseCli.JsonAsync(store, "app", "permission", "add", "--app", appId, "--api", "Microsoft Graph", "--permission", "User.Read.All", "--type", "Application");
        await GatehouseCli.JsonAsync(store, "app", "consent", "--app", appId);
        return new RegisteredClient(appId, secret.GetProperty("secretText").GetString()!, secret.GetProperty("keyId").GetString()!);
    }

    private static async Task<string> TokenAsync(HttpClient http, RegisteredClient client)
    {
        using var response = await http.PostAsync(
            new Uri($"/{TokenServiceFixture.TenantId}/oauth2/v2.0/token", UriKind.Relative),
            new FormUrlEncodedContent([new("grant_type", "client_credentials"), new("client_id", client.AppId), new("client_secret", client.Secret), new("scope", "https://graph.microsoft.com/.default")]),
            TestContext.Current.CancellationToken);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.GetProperty("access_token").GetString()!;
    }

    private static Task<HttpResponseMessage> GetUsersAsync(HttpClient http, string token, string? origin = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/v1.0/users?$top=1");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        return http.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
