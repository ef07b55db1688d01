using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Gatehouse.Bench;

/// <summary>
/// `memory`: the server's resident memory idle after start, after a bounded client_credentials load, after a bounded
/// Graph list load over seeded users, and after requests with a body far over every surface's limit to the token
/// service, Graph and Dataverse, which must be refused without being held in memory.
/// </summary>
internal static class MemoryBenchmark
{
    private const string DataverseEnvironment = "https://contoso.crm.dynamics.com";
    private const int LargeBodyBytes = 10 * 1024 * 1024;
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan SeedTimeout = TimeSpan.FromMinutes(10);

    public static async Task<int> RunAsync(MemoryPlan plan, CancellationToken cancellationToken)
    {
        var store = new StoreChoice(StoreChoice.Sqlite, null);
        Console.WriteLine($"memory: {BuildConfiguration.Name} server, SQLite; {MachineLoad.Describe()}");
        try
        {
            await using var server = await ServerProcess.StartAsync(store, cancellationToken);
            await ReportAsync(server, "idle after start", cancellationToken);

            var client = await ClientSetup.CreateAsync(server, cancellationToken);
            // Writing users too, so that Graph reads the oversized bodies' first bytes rather than refusing the caller first.
            await ClientSetup.RunAsync(server,
                ["app", "permission", "add", "--app", client.AppId, "--api", "Microsoft Graph", "--permission", "User.ReadWrite.All", "--type", "Application"],
                cancellationToken);
            await ClientSetup.RunAsync(server, ["app", "consent", "--app", client.AppId], cancellationToken);
            var trust = server.Trust();
            using var http = trust.Create(plan.Connections);
            var form = Encoding.UTF8.GetBytes(
                $"grant_type=client_credentials&client_id={client.AppId}&client_secret={Uri.EscapeDataString(client.Secret)}&scope={Uri.EscapeDataString("https://graph.microsoft.com/.default")}");
            var tokenPath = new Uri($"{ClientSetup.DefaultTenantId}/oauth2/v2.0/token", UriKind.Relative);
            await BoundedAsync(plan.TokenRequests, plan.Connections, ct => PostAsync(http, tokenPath, FormContent(form), HttpStatusCode.OK, ct), "token", cancellationToken);
            await ReportAsync(server, $"after {plan.TokenRequests} token requests", cancellationToken);

            await ClientSetup.RunAsync(server, ["seed", "--users", $"{plan.Users}", "--groups", "0", "--events-per-user", "0", "--seed", "1"], cancellationToken, SeedTimeout);
            var graphBearer = await ClientSetup.BearerAsync(trust, client, "https://graph.microsoft.com/.default", cancellationToken);
            var listPath = new Uri(GraphBenchmark.ListPath, UriKind.Relative);
            await BoundedAsync(plan.ListRequests, plan.Connections, ct => LoadRun.GetAsync(http, listPath, graphBearer, HttpStatusCode.OK, ct), "Graph list", cancellationToken);
            await ReportAsync(server, $"after {plan.ListRequests} Graph lists over {plan.Users} users", cancellationToken);

            await ClientSetup.RunAsync(server, ["dataverse", "app-user", "add", "--app", client.AppId, "--role", "System Administrator"], cancellationToken);
            var dataverseBearer = await ClientSetup.BearerAsync(trust, client, DataverseEnvironment + "/.default", cancellationToken);
            var body = new byte[LargeBodyBytes];
            Array.Fill(body, (byte)'a');
            List<(string Name, Uri Path, string? Bearer, string ContentType)> targets =
            [
                ("token", tokenPath, null, "application/x-www-form-urlencoded"),
                ("Graph POST users", new Uri("v1.0/users", UriKind.Relative), graphBearer, "application/json"),
                ("Dataverse POST accounts", new Uri("api/data/v9.2/accounts", UriKind.Relative), dataverseBearer, "application/json"),
            ];
            foreach (var (name, path, bearer, contentType) in targets)
            {
                // Half declare their length, half are chunked: a surface must refuse both without holding the body.
                var answers = new List<string>();
                for (var i = 0; i < plan.LargeBodies; i++)
                {
                    answers.Add(await LargeBodyAsync(trust, path, bearer, body, contentType, chunked: i % 2 == 1, cancellationToken));
                }

                Console.WriteLine($"  {plan.LargeBodies} x 10 MiB to {name}: {string.Join(", ", answers.GroupBy(a => a).Select(g => $"{g.Count()} {g.Key}"))}");
            }

            await ReportAsync(server, $"after {plan.LargeBodies} 10 MiB bodies to each", cancellationToken);
            Console.WriteLine($"after: {MachineLoad.Describe()}");
            return 0;
        }
        catch (BenchException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 1;
        }
    }

    private static async Task ReportAsync(ServerProcess server, string point, CancellationToken cancellationToken)
    {
        await Task.Delay(Settle, cancellationToken);
        Console.WriteLine($"{point,-45} {ResidentMemory.Of(server.ProcessId)}");
    }

    /// <summary>Sends <paramref name="count"/> requests over <paramref name="connections"/> loops; any failure ends the run.</summary>
    private static async Task BoundedAsync(int count, int connections, Func<CancellationToken, Task<string?>> send, string name, CancellationToken cancellationToken)
    {
        var remaining = count;
        string? firstFailure = null;
        await Task.WhenAll(Enumerable.Range(0, connections).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Decrement(ref remaining) >= 0 && firstFailure is null)
            {
                if (await send(cancellationToken) is { } failure)
                {
                    Interlocked.CompareExchange(ref firstFailure, failure, null);
                }
            }
        }, cancellationToken)));
        if (firstFailure is not null)
        {
            throw new BenchException($"A {name} request failed: {firstFailure}");
        }
    }

    private static ByteArrayContent FormContent(byte[] form) =>
        new(form) { Headers = { ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded") } };

    private static async Task<string?> PostAsync(HttpClient http, Uri path, HttpContent content, HttpStatusCode expected, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        using var response = await http.SendAsync(request, cancellationToken);
        await response.Content.ReadAsByteArrayAsync(cancellationToken);
        return response.StatusCode == expected ? null : $"HTTP {(int)response.StatusCode}";
    }

    /// <summary>One oversized POST on its own connection; its status code, or how the server ended the connection.</summary>
    private static async Task<string> LargeBodyAsync(
        PinnedServerClient trust, Uri path, string? bearer, byte[] body, string contentType, bool chunked, CancellationToken cancellationToken)
    {
        using var http = trust.Create(connections: 1);
        HttpContent content = chunked ? new StreamContent(new MemoryStream(body)) : new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        if (chunked)
        {
            content.Headers.ContentLength = null;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        request.Headers.TransferEncodingChunked = chunked;
        if (bearer is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", bearer);
        }

        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            return $"{(int)response.StatusCode}";
        }
        catch (HttpRequestException)
        {
            return "connection closed";
        }
    }
}

/// <summary>The shape of a `memory` run.</summary>
internal sealed record MemoryPlan(int Connections, int TokenRequests, int Users, int ListRequests, int LargeBodies);
