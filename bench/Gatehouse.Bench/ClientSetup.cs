using System.Diagnostics;
using System.Text.Json;

namespace Gatehouse.Bench;

/// <summary>
/// The app the load signs in as, made with the CLI verbs as a user would: registered, with a never-expiring secret and
/// Microsoft Graph's User.Read.All application permission, admin-consented.
/// </summary>
internal static class ClientSetup
{
    public const string DefaultTenantId = "11111111-1111-4111-8111-111111111111";
    private static readonly TimeSpan VerbTimeout = TimeSpan.FromSeconds(60);

    public static async Task<BenchClient> CreateAsync(ServerProcess server, CancellationToken cancellationToken)
    {
        var app = await RunAsync(server, ["app", "create", "--name", "gatehouse-bench"], cancellationToken);
        var appId = app.GetProperty("appId").GetString()!;
        var secret = await RunAsync(server, ["app", "secret", "add", "--app", appId, "--description", "bench", "--expires", "never"], cancellationToken);
        await RunAsync(server,
            ["app", "permission", "add", "--app", appId, "--api", "Microsoft Graph", "--permission", "User.Read.All", "--type", "Application"],
            cancellationToken);
        await RunAsync(server, ["app", "consent", "--app", appId], cancellationToken);
        return new BenchClient(appId, secret.GetProperty("secretText").GetString()!);
    }

    /// <summary>An app-only access token for <paramref name="scope"/> from the default tenant's token endpoint (client credentials).</summary>
    /// <summary>An Authorization header value with a client-credentials token, fetched over its own connection.</summary>
    public static async Task<string> BearerAsync(PinnedServerClient trust, BenchClient client, string scope, CancellationToken cancellationToken)
    {
        using var http = trust.Create(connections: 1);
        return "Bearer " + await AccessTokenAsync(http, client, scope, cancellationToken);
    }

    public static async Task<string> AccessTokenAsync(HttpClient http, BenchClient client, string scope, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsync(new Uri($"/{DefaultTenantId}/oauth2/v2.0/token", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = client.AppId,
            ["client_secret"] = client.Secret,
            ["scope"] = scope,
        }), cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        using var json = JsonDocument.Parse(body);
        return json.RootElement.TryGetProperty("access_token", out var token) && token.GetString() is { Length: > 0 } value
            ? value
            : throw new BenchException($"No access token for {scope}: the token endpoint answered {(int)response.StatusCode} {body}");
    }

    /// <summary>Runs a CLI verb against the server's store with --json and returns its object.</summary>
    public static async Task<JsonElement> RunAsync(ServerProcess server, string[] verb, CancellationToken cancellationToken, TimeSpan? within = null)
    {
        var limit = within ?? VerbTimeout;
        using var process = Process.Start(Gatehouse.TestHost.GatehouseExecutable.StartInfo([.. verb, .. server.StoreArguments, "--json"]))!;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(limit);
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            if (cancellationToken.IsCancellationRequested)
            {
                throw;
            }

            throw new BenchException($"gatehouse {string.Join(' ', verb)} did not finish within {limit.TotalSeconds:0} s.");
        }

        if (process.ExitCode != 0)
        {
            throw new BenchException($"gatehouse {string.Join(' ', verb)} failed with {process.ExitCode}: {(await error).Trim()}");
        }

        using var json = JsonDocument.Parse(await output);
        return json.RootElement.Clone();
    }
}

/// <summary>The confidential client the load authenticates as.</summary>
internal sealed record BenchClient(string AppId, string Secret);
