using System.Security.Cryptography.X509Certificates;
using Microsoft.Identity.Client;

namespace Gatehouse.Tests.Infrastructure;

/// <summary>A real Gatehouse server, in this process, on loopback over a fresh store (SQLite unless given), shared by one test class.</summary>
public sealed class TokenServiceFixture : IAsyncLifetime
{
    public const string TenantId = "11111111-1111-4111-8111-111111111111";
    public const string TenantDomain = "contoso.onmicrosoft.com";

    private readonly IReadOnlyDictionary<string, string>? environment;
    private readonly bool ownProcess;
    private readonly bool withProxy;
    private readonly string[] arguments;

    public TokenServiceFixture()
        : this(TestStore.Migrated("sqlite"))
    {
    }

    internal TokenServiceFixture(
        TestStore store, IReadOnlyDictionary<string, string>? environment = null, bool ownProcess = false, bool withProxy = false, params string[] arguments)
    {
        Store = store;
        this.environment = environment;
        this.ownProcess = ownProcess;
        this.withProxy = withProxy;
        this.arguments = arguments;
    }

    public TestStore Store { get; }

    public RunningGatehouse Server { get; private set; } = null!;

    /// <summary>The store's clock, which the server and every CLI run over the store read.</summary>
    public TestClock Clock => Store.Clock;

    public string BaseUrl => Server.BaseAddress.ToString().TrimEnd('/');

    /// <summary>The Entra-style authority MSAL and Azure.Identity are given.</summary>
    public string Authority => $"{BaseUrl}/{TenantId}";

    public HttpClient Http { get; private set; } = null!;

    /// <summary>A server of its own for one test, over the given store (which it disposes), with these GATEHOUSE_* settings.</summary>
    /// <param name="ownProcess">
    /// Launch the executable instead: for what .NET keeps per process, not per host — metrics, whose listeners hear
    /// every meter of that name in the process, whichever server's it is.
    /// </param>
    /// <param name="withProxy">Turn on the proxy for Microsoft's hosts (in this process only), at <see cref="RunningGatehouse.ProxyAddress"/>.</param>
    /// <param name="arguments">More flags for gatehouse serve.</param>
    public static async Task<TokenServiceFixture> StartAsync(
        TestStore store, IReadOnlyDictionary<string, string>? environment = null, bool ownProcess = false, bool withProxy = false, params string[] arguments)
    {
        var fixture = new TokenServiceFixture(store, environment, ownProcess, withProxy, arguments);
        await fixture.InitializeAsync();
        return fixture;
    }

    public async ValueTask InitializeAsync()
    {
        Server = ownProcess ? await GatehouseProcess.StartAsync(Store, environment, arguments)
            : withProxy ? await InProcessGatehouse.StartWithProxyAsync(Store, environment, arguments)
            : await InProcessGatehouse.StartAsync(Store, environment, arguments);
        Http = Server.CreateClient();
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
        Store.Dispose();
    }

    public HttpClientHandler TrustingHandler() => Server.Pin.CreateHandler();

    /// <summary>Registers an app with a never-expiring secret, requests the given application permissions and grants admin consent.</summary>
    public async Task<RegisteredClient> RegisterClientAsync(string name, params (string Api, string Permission)[] applicationPermissions)
    {
        var app = await GatehouseCli.JsonAsync(Store, "app", "create", "--name", name);
        var appId = app.GetProperty("appId").GetString()!;
        var secret = await GatehouseCli.JsonAsync(Store, "app", "secret", "add", "--app", appId, "--expires", "never");
        foreach (var (api, permission) in applicationPermissions)
        {
            await GatehouseCli.JsonAsync(Store, "app", "permission", "add", "--app", appId, "--api", api, "--permission", permission, "--type", "Application");
        }

        if (applicationPermissions.Length > 0)
        {
            await GatehouseCli.JsonAsync(Store, "app", "consent", "--app", appId);
        }

        return new RegisteredClient(appId, secret.GetProperty("secretText").GetString()!, secret.GetProperty("keyId").GetString()!);
    }

    /// <summary>Uploads a new self-signed certificate to the app and returns it with its private key, as the client keeps it.</summary>
    public async Task<X509Certificate2> AddCertificateAsync(string appId)
    {
        var certificate = TestCertificates.CreateCurrent($"CN={appId}");
        var path = TestCertificates.WritePem(Path.Combine(Store.DataFolder, "certs"), certificate, $"{Guid.NewGuid():N}.pem");
        await GatehouseCli.JsonAsync(Store, "app", "cert", "add", "--app", appId, "--file", path);
        return certificate;
    }

    /// <summary>
    /// MSAL.NET for the client, its authority the default tenant or the tenant segment given (common, organizations, a
    /// domain), and the redirect URI a code flow uses, if any.
    /// </summary>
    public IConfidentialClientApplication Msal(RegisteredClient client, string? tenant = null, string? redirectUri = null)
    {
        var builder = ConfidentialClientApplicationBuilder.Create(client.AppId)
            .WithAuthority(tenant is null ? Authority : $"{BaseUrl}/{tenant}", validateAuthority: false);
        return (redirectUri is null ? builder : builder.WithRedirectUri(redirectUri))
            .WithInstanceDiscovery(false)
            .WithClientSecret(client.Secret)
            .WithHttpClientFactory(new TrustingMsalHttpClientFactory(TrustingHandler()))
            .Build();
    }

    /// <summary>A raw token request, for asserting exact wire behaviour; sent across origins, as a page's fetch is, when <paramref name="origin"/> is given.</summary>
    public async Task<HttpResponseMessage> PostTokenAsync(string tenant, IEnumerable<KeyValuePair<string, string>> form, string version = "v2.0", string? origin = null)
    {
        var path = version == "v2.0" ? $"/{tenant}/oauth2/v2.0/token" : $"/{tenant}/oauth2/token";
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = new FormUrlEncodedContent(form) };
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        return await Http.SendAsync(request, TestContext.Current.CancellationToken);
    }
}

public sealed record RegisteredClient(string AppId, string Secret, string SecretKeyId);

/// <summary>MSAL's hook for HTTP: one shared HttpClient that trusts the server's self-signed certificate.</summary>
public sealed class TrustingMsalHttpClientFactory(HttpMessageHandler handler) : IMsalHttpClientFactory, IDisposable
{
    private readonly HttpClient client = new(handler);

    public HttpClient GetHttpClient() => client;

    public void Dispose() => client.Dispose();
}
