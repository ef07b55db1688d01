namespace Gatehouse.Bench;

/// <summary>
/// The app the load signs in as, made with the CLI verbs as a user would: registered, with a never-expiring secret and
/// Microsoft Graph's User.Read.All application permission, admin-consented.
/// </summary>
internal static class ClientSetup
{
    public static async Task<BenchClient> CreateAsync(ServerProcess server, CancellationToken cancellationToken)
    {
        var app = await CliVerb.RunAsync(server, ["app", "create", "--name", "gatehouse-bench"], cancellationToken);
        var appId = app.GetProperty("appId").GetString()!;
        var secret = await CliVerb.RunAsync(server, ["app", "secret", "add", "--app", appId, "--description", "bench", "--expires", "never"], cancellationToken);
        await CliVerb.RunAsync(server,
            ["app", "permission", "add", "--app", appId, "--api", "Microsoft Graph", "--permission", "User.Read.All", "--type", "Application"],
            cancellationToken);
        await CliVerb.RunAsync(server, ["app", "consent", "--app", appId], cancellationToken);
        return new BenchClient(appId, secret.GetProperty("secretText").GetString()!);
    }
}

/// <summary>The confidential client the load authenticates as.</summary>
internal sealed record BenchClient(string AppId, string Secret);
