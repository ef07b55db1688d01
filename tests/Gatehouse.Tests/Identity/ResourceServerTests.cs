using System.Net;
using System.Net.Http.Headers;
using Gatehouse.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gatehouse.Tests.Identity;

/// <summary>A resource server built the ordinary ASP.NET Core way, with Gatehouse as its authority, accepts Gatehouse tokens by discovery.</summary>
public sealed class ResourceServerTests(TokenServiceFixture gatehouse) : IClassFixture<TokenServiceFixture>
{
    [Fact]
    public async Task JwtBearer_accepts_a_Graph_token_by_discovery_and_rejects_one_for_another_audience()
    {
        var client = await gatehouse.RegisterClientAsync("resource-client", ("Microsoft Graph", "User.Read.All"));
        var msal = gatehouse.Msal(client);
        var graphToken = (await msal.AcquireTokenForClient(["https://graph.microsoft.com/.default"]).ExecuteAsync(TestContext.Current.CancellationToken)).AccessToken;
        var crmToken = (await msal.AcquireTokenForClient(["00000007-0000-0000-c000-000000000000/.default"]).ExecuteAsync(TestContext.Current.CancellationToken)).AccessToken;
        await using var api = await StartApiAsync(gatehouse.Authority, "https://graph.microsoft.com");

        Assert.Equal(HttpStatusCode.OK, await CallAsync(api, graphToken));
        Assert.Equal(HttpStatusCode.Unauthorized, await CallAsync(api, crmToken));
        Assert.Equal(HttpStatusCode.Unauthorized, await CallAsync(api, graphToken[..^4] + "AAAA"));
    }

    [Fact]
    public async Task JwtBearer_on_the_v2_authority_accepts_a_v2_token_for_its_API()
    {
        var apiApp = await GatehouseCli.JsonAsync(gatehouse.Store, "app", "create", "--name", "inventory-api");
        var apiAppId = apiApp.GetProperty("appId").GetString()!;
        await GatehouseCli.JsonAsync(gatehouse.Store, "app", "api", "set", "--app", apiAppId, "--identifier-uri", "api://inventory", "--access-token-version", "2");
        var client = await gatehouse.RegisterClientAsync("inventory-client");
        var token = (await gatehouse.Msal(client).AcquireTokenForClient(["api://inventory/.default"]).ExecuteAsync(TestContext.Current.CancellationToken)).AccessToken;
        await using var api = await StartApiAsync($"{gatehouse.Authority}/v2.0", apiAppId);

        Assert.Equal(HttpStatusCode.OK, await CallAsync(api, token));
    }

    private async Task<WebApplication> StartApiAsync(string authority, string audience)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddAuthentication().AddJwtBearer(options =>
        {
            options.Authority = authority;
            options.Audience = audience;
            options.BackchannelHttpHandler = gatehouse.TrustingHandler();
            options.MapInboundClaims = false;
        });
        builder.Services.AddAuthorization();
        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/whoami", (HttpContext context) => context.User.FindFirst("appid")?.Value ?? context.User.FindFirst("azp")?.Value).RequireAuthorization();
        await app.StartAsync(TestContext.Current.CancellationToken);
        return app;
    }

    private static async Task<HttpStatusCode> CallAsync(WebApplication api, string token)
    {
        using var http = new HttpClient { BaseAddress = new Uri(api.Urls.First()) };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/whoami");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        return response.StatusCode;
    }
}
