using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

// Aspire 13.6 marks these two helpers obsolete in favour of ExecutionConfigurationBuilder; they still compute the
// arguments and environment the orchestrator would be given, from the model alone.
#pragma warning disable CS0618

namespace Gatehouse.Hosting.Aspire.Tests;

/// <summary>What the app model holds and hands out, computed from the builder without starting the orchestrator.</summary>
public sealed class GatehouseModelTests
{
    [Fact]
    public async Task A_project_referencing_an_application_gets_what_Microsoft_Identity_Web_reads()
    {
        var builder = DistributedApplication.CreateBuilder();
        var entra = builder.AddGatehouse("entra", port: 5443);
        var api = entra.AddApplication("api").WithSecret();
        var consumer = builder.AddExecutable("consumer", "dotnet", ".").WithReference(api);
        Allocate(entra.Resource, 5443);

        var environment = await consumer.Resource.GetEnvironmentVariableValuesAsync(DistributedApplicationOperation.Run);

        Assert.Equal("https://localhost:5443/", environment["AzureAd__Instance"]);
        Assert.Equal("11111111-1111-4111-8111-111111111111", environment["AzureAd__TenantId"]);
        Assert.Equal(api.Resource.ClientId.ToString(), environment["AzureAd__ClientId"]);
        var secret = await api.Resource.ClientSecret!.GetValueAsync(TestContext.Current.CancellationToken);
        Assert.Equal(secret, environment["AzureAd__ClientSecret"]);
        Assert.True(secret!.Length >= 40, "the generated secret is shorter than 40 characters");
        Assert.Contains(builder.Resources, r => r is ParameterResource { Name: "api-secret", Secret: true });
        if (OperatingSystem.IsLinux())
        {
            Assert.StartsWith(entra.Resource.TrustDirectory + ":", environment["SSL_CERT_DIR"], StringComparison.Ordinal);
            Assert.True(File.Exists(entra.Resource.CertificatePath), "the certificate the project is told to trust was not written");
            Directory.Delete(entra.Resource.FilesDirectory, recursive: true);
        }
    }

    [Fact]
    public async Task Gatehouse_serves_in_memory_on_its_endpoint_with_the_app_host_certificate_and_imports_the_declared_applications()
    {
        var builder = DistributedApplication.CreateBuilder();
        var entra = builder.AddGatehouse("entra", "/opt/gatehouse/gatehouse.dll", port: 5443);
        var api = entra.AddApplication("api").WithSecret();
        entra.AddApplication("web");
        Allocate(entra.Resource, 5443);

        var arguments = await entra.Resource.GetArgumentValuesAsync(DistributedApplicationOperation.Run);

        Assert.Equal("dotnet", entra.Resource.Command);
        Assert.Equal(["/opt/gatehouse/gatehouse.dll", "serve", "--urls", "https://127.0.0.1:5443", "--public-url", "https://localhost:5443", "--in-memory",
            "--tls-cert", entra.Resource.CertificatePath, "--tls-key", Path.Combine(entra.Resource.FilesDirectory, "tls.key"),
            "--import", Path.Combine(entra.Resource.FilesDirectory, "tenant.json")], arguments);
        var endpoint = Assert.Single(entra.Resource.Annotations.OfType<EndpointAnnotation>());
        Assert.Equal(("https", 5443), (endpoint.UriScheme, endpoint.Port!.Value));
        Assert.Single(entra.Resource.Annotations.OfType<HealthCheckAnnotation>());

        // Read as bytes, as Gatehouse reads it: a byte order mark would stop the import.
        var document = System.Text.Json.JsonDocument.Parse(await File.ReadAllBytesAsync(arguments[^1], TestContext.Current.CancellationToken)).RootElement;
        var applications = document.GetProperty("applications");
        Assert.Equal([api.Resource.ClientId.ToString(), StableClientId("web")], applications.EnumerateArray().Select(a => a.GetProperty("appId").GetString()));
        Assert.Equal(await api.Resource.ClientSecret!.GetValueAsync(TestContext.Current.CancellationToken),
            applications[0].GetProperty("passwordCredentials")[0].GetProperty("secretText").GetString());
        Assert.False(applications[1].TryGetProperty("passwordCredentials", out _), "an application without WithSecret got a secret");
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(arguments[^1]));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(entra.Resource.FilesDirectory));
        }

        Directory.Delete(entra.Resource.FilesDirectory, recursive: true);
    }

    [Fact]
    public async Task A_data_directory_replaces_the_in_memory_store_and_the_client_ID_stays_the_same_across_app_hosts()
    {
        var builder = DistributedApplication.CreateBuilder();
        var entra = builder.AddGatehouse("entra", port: 5443).WithDataDirectory("gatehouse-data");
        var api = entra.AddApplication("api");
        Allocate(entra.Resource, 5443);

        var arguments = await entra.Resource.GetArgumentValuesAsync(DistributedApplicationOperation.Run);

        Assert.Equal("gatehouse", entra.Resource.Command);
        var data = Array.IndexOf(arguments, "--data");
        Assert.Equal(Path.Combine(builder.AppHostDirectory, "gatehouse-data"), arguments[data + 1]);
        Assert.DoesNotContain("--in-memory", arguments);
        Assert.Equal(StableClientId("api"), api.Resource.ClientId.ToString());
        Directory.Delete(entra.Resource.FilesDirectory, recursive: true);
    }

    /// <summary>The client ID another app host gives an application of this name under a Gatehouse named "entra".</summary>
    private static string StableClientId(string application)
    {
        var other = DistributedApplication.CreateBuilder();
        return other.AddGatehouse("entra").AddApplication(application).Resource.ClientId.ToString();
    }

    /// <summary>What the orchestrator does as it starts: gives the endpoint its address.</summary>
    private static void Allocate(GatehouseResource resource, int port)
    {
        var endpoint = resource.Annotations.OfType<EndpointAnnotation>().Single();
        endpoint.TargetPort = port;
        endpoint.AllocatedEndpoint = new AllocatedEndpoint(endpoint, "localhost", port);
    }
}
