using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Gatehouse.Testing;

/// <summary>
/// A real Gatehouse, the `gatehouse` tool in its own process, serving HTTPS on a free loopback port over a fresh SQLite
/// store in a temporary folder; disposing it stops the process and deletes the folder. Its helpers run the tool's
/// management verbs over the same store, which the running server sees at once.
/// </summary>
public sealed class GatehouseInstance : IAsyncDisposable
{
    /// <summary>The default tenant every fresh store starts with.</summary>
    public const string DefaultTenantId = "11111111-1111-4111-8111-111111111111";

    /// <summary>The default tenant's verified domain.</summary>
    public const string DefaultTenantDomain = "contoso.onmicrosoft.com";

    private readonly GatehouseCommand command;
    private readonly Process process;
    private readonly StringBuilder output;
    private readonly IReadOnlyDictionary<string, string> environment;
    private readonly bool clockOffsetAllowed;
    private readonly Lazy<ServerTrust> trust;
    private readonly Lazy<HttpClient> http;

    private GatehouseInstance(
        GatehouseCommand command, Process process, StringBuilder output, IReadOnlyDictionary<string, string> environment,
        Uri baseAddress, string dataFolder, string adminPassword, bool clockOffsetAllowed)
    {
        this.command = command;
        this.process = process;
        this.output = output;
        this.environment = environment;
        this.clockOffsetAllowed = clockOffsetAllowed;
        BaseAddress = baseAddress;
        DataFolder = dataFolder;
        AdminPassword = adminPassword;
        trust = new Lazy<ServerTrust>(() => ServerTrust.FromDataFolder(dataFolder));
        http = new Lazy<HttpClient>(CreateHttpClient);
    }

    /// <summary>Where it listens, https://127.0.0.1:PORT/: Microsoft.Identity.Web's `Instance`.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The default tenant's ID: Microsoft.Identity.Web's `TenantId`.</summary>
    public string TenantId { get; } = DefaultTenantId;

    /// <summary>The authority MSAL is given (with `WithAuthority(authority, validateAuthority: false)`): the base address and the tenant.</summary>
    public string Authority => new Uri(BaseAddress, TenantId).ToString();

    /// <summary>The issuer of the v2.0 tokens it signs, as an API validating them expects it.</summary>
    public string Issuer => new Uri(BaseAddress, $"{TenantId}/v2.0").ToString();

    /// <summary>The temporary folder holding its store, its keys and the certificates it made (tls.pem, ca.pem).</summary>
    public string DataFolder { get; }

    /// <summary>The first administrator, a Global Administrator of the default tenant.</summary>
    public string AdminUserPrincipalName { get; } = "admin@" + DefaultTenantDomain;

    /// <summary>The first administrator's password, made for this instance.</summary>
    public string AdminPassword { get; }

    /// <summary>What the server printed and logged so far, for a failing test to show.</summary>
    public string Output => GatehouseCommand.Read(output);

    /// <summary>Starts Gatehouse and waits until it answers GET /healthz over HTTPS.</summary>
    public static async Task<GatehouseInstance> StartAsync(GatehouseInstanceOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new GatehouseInstanceOptions();
        var command = GatehouseCommand.Find(options.Executable);
        var dataFolder = Path.Combine(Path.GetTempPath(), "gatehouse-testing", Guid.NewGuid().ToString("N"));
        // Owner-only, as the server wants its data folder: it holds the store and its keys.
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(dataFolder);
        }
        else
        {
            Directory.CreateDirectory(dataFolder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        var adminPassword = MakePassword();
        var environment = new Dictionary<string, string> { ["GATEHOUSE_DATA"] = dataFolder, ["GATEHOUSE_ADMIN_PASSWORD"] = adminPassword };
        var port = LoopbackPort.Free();
        var baseAddress = new Uri($"https://127.0.0.1:{port}/");
        List<string> arguments = ["serve", "--urls", baseAddress.ToString().TrimEnd('/'), .. options.ServeArguments];
        if (options.AllowClockOffset)
        {
            arguments.Add("--allow-clock-offset");
        }

        var output = new StringBuilder();
        Process process;
        try
        {
            process = command.Start(arguments, environment, output, output);
        }
        catch
        {
            Directory.Delete(dataFolder, recursive: true);
            throw;
        }

        var instance = new GatehouseInstance(command, process, output, environment, baseAddress, dataFolder, adminPassword, options.AllowClockOffset);
        try
        {
            await instance.WaitUntilHealthyAsync(options.StartTimeout, cancellationToken);
            return instance;
        }
        catch
        {
            await instance.DisposeAsync();
            throw;
        }
    }

    /// <summary>An HTTP handler that trusts this instance's certificates, for an HttpClient, MSAL's HTTP client factory or JwtBearer's backchannel.</summary>
    public HttpMessageHandler CreateHttpMessageHandler() => trust.Value.CreateHandler();

    /// <summary>A new HttpClient for this instance: its base address set, its certificates trusted.</summary>
    public HttpClient CreateHttpClient() => new(CreateHttpMessageHandler()) { BaseAddress = BaseAddress };

    /// <summary>One HttpClient like <see cref="CreateHttpClient"/>'s, shared and disposed with the instance: for MSAL's IMsalHttpClientFactory.</summary>
    public HttpClient HttpClient => http.Value;

    /// <summary>
    /// Registers an application with a client secret (never expiring) and the API permissions it requests. Admin
    /// consent is not granted: <see cref="GrantAdminConsentAsync"/> does.
    /// </summary>
    public async Task<RegisteredApplication> RegisterApplicationAsync(
        string displayName, IEnumerable<ApiPermission>? permissions = null, CancellationToken cancellationToken = default)
    {
        var created = await RunAsync(["app", "create", "--name", displayName], cancellationToken);
        var appId = created.GetProperty("appId").GetString()!;
        var secret = await RunAsync(["app", "secret", "add", "--app", appId, "--expires", "never", "--description", "Gatehouse.Testing"], cancellationToken);
        foreach (var permission in permissions ?? [])
        {
            await RunAsync(["app", "permission", "add", "--app", appId, "--api", permission.Api, "--permission", permission.Permission,
                "--type", permission.Type.ToString()], cancellationToken);
        }

        return new RegisteredApplication(appId, created.GetProperty("id").GetString()!, displayName, secret.GetProperty("secretText").GetString()!);
    }

    /// <summary>Grants admin consent for every permission the application requests, as an administrator does on API permissions.</summary>
    public Task GrantAdminConsentAsync(RegisteredApplication application, CancellationToken cancellationToken = default) =>
        RunAsync(["app", "consent", "--app", application.AppId], cancellationToken);

    /// <summary>
    /// Exposes the application as an API: its Application ID URI (api://APPID when not given) and app roles other
    /// applications may be granted (application permissions). Returns the Application ID URI.
    /// </summary>
    public async Task<string> ExposeApiAsync(
        RegisteredApplication application, IEnumerable<string> appRoles, string? identifierUri = null, CancellationToken cancellationToken = default)
    {
        var uri = identifierUri ?? "api://" + application.AppId;
        await RunAsync(["app", "api", "set", "--app", application.AppId, "--identifier-uri", uri, "--access-token-version", "2"], cancellationToken);
        foreach (var role in appRoles)
        {
            await RunAsync(["app", "role", "add", "--app", application.AppId, "--value", role, "--display-name", role], cancellationToken);
        }

        return uri;
    }

    /// <summary>Creates a user in the default tenant; <paramref name="userName"/> without a domain gets the tenant's.</summary>
    public async Task<DirectoryUser> CreateUserAsync(string userName, string password, string? displayName = null, CancellationToken cancellationToken = default)
    {
        var userPrincipalName = userName.Contains('@', StringComparison.Ordinal) ? userName : $"{userName}@{DefaultTenantDomain}";
        List<string> arguments = ["user", "create", "--upn", userPrincipalName, "--password", password];
        if (displayName is not null)
        {
            arguments.AddRange(["--display-name", displayName]);
        }

        var user = await RunAsync(arguments, cancellationToken);
        return new DirectoryUser(user.GetProperty("id").GetString()!, userPrincipalName, password);
    }

    /// <summary>An access token for the application itself (client credentials), for a scope such as api://orders/.default.</summary>
    public async Task<string> GetTokenAsync(RegisteredApplication application, string scope, CancellationToken cancellationToken = default)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = application.AppId,
            ["client_secret"] = application.ClientSecret,
            ["scope"] = scope,
        });
        using var response = await http.Value.PostAsync(new Uri($"{TenantId}/oauth2/v2.0/token", UriKind.Relative), form, cancellationToken);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        return response.StatusCode == HttpStatusCode.OK && body.TryGetProperty("access_token", out var token)
            ? token.GetString()!
            : throw new InvalidOperationException($"No token for {application.AppId} ({scope}): {(int)response.StatusCode} {body}");
    }

    /// <summary>
    /// Moves its clock forward (every expiry follows it) and returns once the server reads the moved time; the
    /// instance must have started with <see cref="GatehouseInstanceOptions.AllowClockOffset"/>.
    /// </summary>
    public async Task AdvanceClockAsync(TimeSpan by, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        await MoveClockAsync(["clock", "advance", ((long)by.TotalSeconds).ToString(CultureInfo.InvariantCulture) + "s"], cancellationToken);
    }

    /// <summary>Puts its clock back on real time, and returns once the server reads it.</summary>
    public Task ResetClockAsync(CancellationToken cancellationToken = default) => MoveClockAsync(["clock", "reset"], cancellationToken);

    /// <summary>
    /// Runs any management verb over this instance's store (README's "The seed story from the command line") with
    /// --json and returns the JSON it printed; a refused verb throws with its message.
    /// </summary>
    public async Task<JsonElement> RunAsync(IEnumerable<string> arguments, CancellationToken cancellationToken = default)
    {
        List<string> all = [.. arguments, "--json"];
        if (clockOffsetAllowed)
        {
            all.Add("--allow-clock-offset");
        }

        var (exitCode, printed, error) = await command.RunAsync(all, environment, cancellationToken);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"gatehouse {string.Join(' ', arguments)} failed with exit code {exitCode}: {printed}{error}");
        }

        using var document = JsonDocument.Parse(printed);
        return document.RootElement.Clone();
    }

    /// <summary>
    /// Runs a clock verb, then waits until the server follows the store's new offset (its change watcher polls every
    /// 100 ms): /healthz names an offset other than zero.
    /// </summary>
    private async Task MoveClockAsync(IEnumerable<string> verb, CancellationToken cancellationToken)
    {
        var offset = (await RunAsync(verb, cancellationToken)).GetProperty("clockOffset").GetString()!;
        var moved = TimeSpan.Parse(offset, CultureInfo.InvariantCulture) != TimeSpan.Zero;
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var health = await http.Value.GetStringAsync(new Uri("healthz", UriKind.Relative), cancellationToken);
            if (moved ? health.Contains("clockOffset: " + offset, StringComparison.Ordinal) : !health.Contains("clockOffset", StringComparison.Ordinal))
            {
                return;
            }

            if (waited.Elapsed > TimeSpan.FromSeconds(30))
            {
                throw new TimeoutException($"gatehouse did not follow the clock's offset {offset} within 30 s; /healthz says: {health}");
            }

            await Task.Delay(50, cancellationToken);
        }
    }

    /// <summary>Stops the process and deletes its data folder.</summary>
    public async ValueTask DisposeAsync()
    {
        if (http.IsValueCreated)
        {
            http.Value.Dispose();
        }

        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        if (Directory.Exists(DataFolder))
        {
            Directory.Delete(DataFolder, recursive: true);
        }
    }

    private async Task WaitUntilHealthyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < timeout)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"gatehouse exited with {process.ExitCode} before it was healthy:\n{Output}");
            }

            // The server writes tls.pem before it listens; until then there is nothing to trust.
            if (File.Exists(Path.Combine(DataFolder, "tls.pem")))
            {
                try
                {
                    using var client = new HttpClient(ServerTrust.FromDataFolder(DataFolder).CreateHandler()) { BaseAddress = BaseAddress };
                    using var response = await client.GetAsync(new Uri("healthz", UriKind.Relative), cancellationToken);
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        return;
                    }
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }
                catch (CryptographicException)
                {
                    // tls.pem is being written.
                }
            }

            await Task.Delay(50, cancellationToken);
        }

        throw new TimeoutException($"gatehouse was not healthy within {timeout}:\n{Output}");
    }

    private static string MakePassword() =>
        RandomNumberGenerator.GetString("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789", 20) + "!7a";
}
