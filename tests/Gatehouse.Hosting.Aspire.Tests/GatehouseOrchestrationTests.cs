using System.Net;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Gatehouse.TestHost;

namespace Gatehouse.Hosting.Aspire.Tests;

/// <summary>An app host with Gatehouse, run by Aspire's orchestrator (DCP) as `dotnet test` runs it: no dashboard, no container runtime.</summary>
public sealed class GatehouseOrchestrationTests
{
    [Fact]
    public async Task The_app_host_starts_Gatehouse_waits_for_healthz_and_its_declared_app_gets_a_token_with_the_values_a_referencing_project_is_given()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var output = Path.Combine(Path.GetTempPath(), "gatehouse-tests", "aspire-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(output);
        // Without a dashboard (the testing builder's default); the orchestrator's path is in this assembly's metadata (the project file).
        var builder = DistributedApplicationTestingBuilder.Create();
        // The orchestrator's options want a dashboard path even with the dashboard off; none is installed or started.
        builder.Configuration["DcpPublisher:DashboardPath"] = Path.Combine(AppContext.BaseDirectory, "no-dashboard");
        var entra = builder.AddGatehouse("entra", GatehouseExecutable.Path);
        var api = entra.AddApplication("api").WithSecret();
        // A referencing process that writes down the environment it was given, as a project's configuration would read it.
        builder.AddExecutable("consumer", "/bin/sh", output, "-c", "env > environment.txt")
            .WithReference(api)
            .WaitFor(entra);

        var app = await builder.BuildAsync(cancellationToken);
        await using (app)
        {
            await app.StartAsync(cancellationToken);
            await AssertTokenForTheReferencedApplicationAsync(app, entra.Resource, api.Resource, output, cancellationToken);
            await app.StopAsync(cancellationToken);
        }

        Assert.False(Directory.Exists(entra.Resource.FilesDirectory), "the TLS key and the document with the client secret outlived the app host");
    }

    private static async Task AssertTokenForTheReferencedApplicationAsync(
        DistributedApplication app, GatehouseResource entra, GatehouseApplicationResource api, string output, CancellationToken cancellationToken)
    {
        using var healthy = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        healthy.CancelAfter(TimeSpan.FromMinutes(3));
        await app.ResourceNotifications.WaitForResourceHealthyAsync("entra", healthy.Token);
        await app.ResourceNotifications.WaitForResourceAsync("consumer", KnownResourceStates.Finished, healthy.Token);

        var environment = File.ReadAllLines(Path.Combine(output, "environment.txt"))
            .Select(line => line.Split('=', 2)).Where(pair => pair.Length == 2).ToDictionary(pair => pair[0], pair => pair[1]);
        var instance = new Uri(environment["AzureAd__Instance"]);
        using var client = new HttpClient(ServerCertificatePin.FromDataFolder(entra.TrustDirectory).CreateHandler()) { BaseAddress = instance };
        using var response = await client.PostAsync(new Uri($"{environment["AzureAd__TenantId"]}/oauth2/v2.0/token", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = environment["AzureAd__ClientId"],
            ["client_secret"] = environment["AzureAd__ClientSecret"],
            ["scope"] = "https://graph.microsoft.com/.default",
        }), cancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken)).RootElement.GetProperty("access_token").GetString()!;
        var payload = JsonDocument.Parse(Base64Url(token.Split('.')[1])).RootElement;
        Assert.Equal(api.ClientId.ToString(), (payload.TryGetProperty("appid", out var appId) ? appId : payload.GetProperty("azp")).GetString());
        Assert.Equal(environment["AzureAd__TenantId"], payload.GetProperty("tid").GetString());
        Assert.StartsWith(entra.TrustDirectory, environment["SSL_CERT_DIR"], StringComparison.Ordinal);
    }

    private static byte[] Base64Url(string text) =>
        Convert.FromBase64String(text.Replace('-', '+').Replace('_', '/').PadRight(text.Length + ((4 - (text.Length % 4)) % 4), '='));
}
