using System.Net;
using System.Net.Http.Headers;
using Gatehouse.Testing;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Identity.Client;
using Microsoft.Identity.Web;

namespace Orders.Api.Tests;

/// <summary>One Gatehouse for the class: started before its first test, stopped after its last.</summary>
public sealed class EntraFixture : IAsyncLifetime
{
    public GatehouseInstance Entra { get; private set; } = null!;

    public async ValueTask InitializeAsync() =>
        Entra = await GatehouseInstance.StartAsync(new GatehouseInstanceOptions { AllowClockOffset = true });

    public ValueTask DisposeAsync() => Entra.DisposeAsync();
}

public sealed class OrdersApiTests(EntraFixture fixture) : IClassFixture<EntraFixture>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private GatehouseInstance Entra => fixture.Entra;

    [Fact]
    public async Task A_client_granted_the_app_role_reads_orders()
    {
        var (api, scope) = await RegisterOrdersApiAsync();
        var client = await Entra.RegisterApplicationAsync("Orders client", [new ApiPermission(api.AppId, "Orders.Read")], Cancellation);
        await Entra.GrantAdminConsentAsync(client, Cancellation);
        await using var orders = await OrdersApi.StartAsync(Entra, api.AppId);

        var token = await Msal(client).AcquireTokenForClient([scope]).ExecuteAsync(Cancellation);

        using var response = await orders.GetAsync(token.AccessToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"orders for {client.AppId}", await response.Content.ReadAsStringAsync(Cancellation));
    }

    // Microsoft.Identity.Web refuses an app's token that carries no role at all (IDW10201), as it would Entra ID's.
    [Fact]
    public async Task A_client_without_consent_is_refused()
    {
        var (api, scope) = await RegisterOrdersApiAsync();
        var client = await Entra.RegisterApplicationAsync("Unconsented client", [new ApiPermission(api.AppId, "Orders.Read")], Cancellation);
        await using var orders = await OrdersApi.StartAsync(Entra, api.AppId);

        var token = await Msal(client).AcquireTokenForClient([scope]).ExecuteAsync(Cancellation);

        using var response = await orders.GetAsync(token.AccessToken);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private async Task<(RegisteredApplication Api, string Scope)> RegisterOrdersApiAsync()
    {
        var api = await Entra.RegisterApplicationAsync("Orders API", cancellationToken: Cancellation);
        var applicationIdUri = await Entra.ExposeApiAsync(api, ["Orders.Read"], cancellationToken: Cancellation);
        return (api, applicationIdUri + "/.default");
    }

    /// <summary>MSAL.NET as the client configures it, given Gatehouse's authority and an HttpClient trusting its certificate.</summary>
    private IConfidentialClientApplication Msal(RegisteredApplication client) =>
        ConfidentialClientApplicationBuilder.Create(client.AppId)
            .WithAuthority(Entra.Authority, validateAuthority: false)
            .WithInstanceDiscovery(false)
            .WithClientSecret(client.ClientSecret)
            .WithHttpClientFactory(new GatehouseHttpClientFactory(Entra))
            .Build();
}

/// <summary>MSAL's HTTP: the instance's shared HttpClient, which trusts its certificate.</summary>
public sealed class GatehouseHttpClientFactory(GatehouseInstance entra) : IMsalHttpClientFactory
{
    public HttpClient GetHttpClient() => entra.HttpClient;
}

/// <summary>The API under test: GET /orders for callers holding the Orders.Read app role, protected by Microsoft.Identity.Web.</summary>
public sealed class OrdersApi(WebApplication app) : IAsyncDisposable
{
    public static async Task<OrdersApi> StartAsync(GatehouseInstance entra, string clientId)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureAd:Instance"] = entra.BaseAddress.ToString(),
            ["AzureAd:TenantId"] = entra.TenantId,
            ["AzureAd:ClientId"] = clientId,
        });
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddMicrosoftIdentityWebApi(builder.Configuration.GetSection("AzureAd"));
        // What the API fetches from its authority (signing keys, the issuer's metadata) it fetches trusting Gatehouse's
        // certificates and nothing else: had Microsoft.Identity.Web called login.microsoftonline.com, the call would fail
        // and every token be refused.
        builder.Services.Configure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme,
            options => options.BackchannelHttpHandler = entra.CreateHttpMessageHandler());
        builder.Services.Configure<AadIssuerValidatorOptions>(options => options.HttpClientName = "Gatehouse");
        builder.Services.AddHttpClient("Gatehouse").ConfigurePrimaryHttpMessageHandler(entra.CreateHttpMessageHandler);
        builder.Services.AddAuthorization();

        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/orders", (HttpContext context) => $"orders for {context.User.FindFirst("azp")?.Value}")
            .RequireAuthorization(policy => policy.RequireRole("Orders.Read"));
        await app.StartAsync();
        return new OrdersApi(app);
    }

    public async Task<HttpResponseMessage> GetAsync(string accessToken)
    {
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return await client.GetAsync(new Uri("/orders", UriKind.Relative));
    }

    public ValueTask DisposeAsync() => app.DisposeAsync();
}

