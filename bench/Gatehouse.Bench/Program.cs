using System.CommandLine;
using System.CommandLine.Parsing;
using Gatehouse.Bench;

var seconds = new Option<int>("--seconds")
{
    Description = "Seconds of measured load after the warm-up (default 20); 1 is CI's smoke run.",
    DefaultValueFactory = _ => 20,
};
var connections = new Option<int>("--connections")
{
    Description = "Keep-alive HTTPS connections, one request loop each (default 64).",
    DefaultValueFactory = _ => 64,
};
var store = new Option<string>("--store") { Description = "sqlite (default) or postgres.", DefaultValueFactory = _ => StoreChoice.Sqlite };
store.AcceptOnlyFromAmong(StoreChoice.Sqlite, StoreChoice.Postgres);
var connectionString = new Option<string?>("--connection-string") { Description = "PostgreSQL connection string (with --store postgres)." };
var signSeconds = new Option<int>("--seconds")
{
    Description = "Seconds of signing after a warm-up of a fifth of that (default 5).",
    DefaultValueFactory = _ => SignRate.FullMeasurementSeconds,
};
foreach (var option in new[] { seconds, connections, signSeconds })
{
    option.Validators.Add(AtLeastOne);
}

var tokens = new Command("tokens", "client_credentials throughput and latency against a fresh server, beside the single-core RSA-2048 sign rate.")
{
    seconds, connections, store, connectionString,
};
tokens.Validators.Add(command =>
{
    // The store's raw token: its value is unreadable when AcceptOnlyFromAmong has already refused it.
    if (command.GetResult(store)?.Tokens is [{ Value: StoreChoice.Postgres }] && string.IsNullOrWhiteSpace(command.GetValue(connectionString)))
    {
        command.AddError("--store postgres needs --connection-string.");
    }
});
tokens.SetAction((parseResult, cancellationToken) => TokensBenchmark.RunAsync(
    parseResult.GetValue(seconds),
    parseResult.GetValue(connections),
    new StoreChoice(parseResult.GetValue(store)!, parseResult.GetValue(connectionString)),
    cancellationToken));

var graphSeconds = new Option<int>("--seconds") { Description = "Seconds of measured load per request after a warm-up (default 20).", DefaultValueFactory = _ => 20 };
var graphConnections = new Option<int>("--connections") { Description = "Concurrent clients, one keep-alive connection each (default 16).", DefaultValueFactory = _ => 16 };
var graphUsers = new Option<int>("--users") { Description = "Sample people to seed (default 100000).", DefaultValueFactory = _ => 100_000 };
var graphDeepPage = new Option<int>("--deep-page")
{
    Description = "Also time page 1 of GET /v1.0/users?$select=id,displayName&$top=100 against page N, reached by following nextLinks (default 0: not run).",
    DefaultValueFactory = _ => 0,
};
var graphStores = new Option<string>("--store") { Description = "sqlite, postgres or both (default both).", DefaultValueFactory = _ => "both" };
graphStores.AcceptOnlyFromAmong(StoreChoice.Sqlite, StoreChoice.Postgres, "both");
var graphConnectionString = new Option<string?>("--connection-string")
{
    Description = $"PostgreSQL server to make a scratch database on (default ${StoreChoice.TestPostgresVariable}).",
};
foreach (var option in new[] { graphSeconds, graphConnections, graphUsers })
{
    option.Validators.Add(AtLeastOne);
}

var graph = new Command("graph", "GET /v1.0/users with $filter/$select/$top and /v1.0/users/{id} over seeded users, per store.")
{
    graphSeconds, graphConnections, graphUsers, graphStores, graphConnectionString, graphDeepPage,
};
graph.SetAction(async (parseResult, cancellationToken) =>
{
    var postgres = parseResult.GetValue(graphConnectionString) ?? Environment.GetEnvironmentVariable(StoreChoice.TestPostgresVariable);
    var wanted = parseResult.GetValue(graphStores)!;
    if (wanted == StoreChoice.Postgres && string.IsNullOrWhiteSpace(postgres))
    {
        await Console.Error.WriteLineAsync($"--store postgres needs --connection-string or ${StoreChoice.TestPostgresVariable}.");
        return 1;
    }

    List<StoreChoice> stores = [];
    if (wanted != StoreChoice.Postgres)
    {
        stores.Add(new StoreChoice(StoreChoice.Sqlite, null));
    }

    if (wanted != StoreChoice.Sqlite && !string.IsNullOrWhiteSpace(postgres))
    {
        stores.Add(new StoreChoice(StoreChoice.Postgres, postgres));
    }
    else if (wanted == "both")
    {
        Console.WriteLine($"postgres: not run (no --connection-string and no ${StoreChoice.TestPostgresVariable}).");
    }

    return await GraphBenchmark.RunAsync(
        GraphPlan.For(parseResult.GetValue(graphUsers), parseResult.GetValue(graphSeconds), parseResult.GetValue(graphConnections)) with
        {
            DeepPage = parseResult.GetValue(graphDeepPage),
        },
        stores,
        cancellationToken);
});

var proxyConnections = new Option<int>("--connections")
{
    Description = "Keep-alive HTTPS connections, one request loop each (default 4).",
    DefaultValueFactory = _ => 4,
};
proxyConnections.Validators.Add(AtLeastOne);
var proxySeconds = new Option<int>("--seconds") { Description = "Seconds of measured load per side (default 10).", DefaultValueFactory = _ => 10 };
proxySeconds.Validators.Add(AtLeastOne);
var proxy = new Command("proxy", "p50/p99 of a Microsoft Graph call through a hub instance's /proxy against the same call made directly.")
{
    proxySeconds, proxyConnections,
};
proxy.SetAction((parseResult, cancellationToken) => ProxyBenchmark.RunAsync(
    parseResult.GetValue(proxySeconds), parseResult.GetValue(proxyConnections), new StoreChoice(StoreChoice.Sqlite, null), cancellationToken));

var sign = new Command("sign", "The single-core RSA-2048 sign rate (RS256) of this machine's platform crypto.") { signSeconds };
sign.SetAction(parseResult =>
{
    Console.WriteLine(TokensReport.SignRateLine(SignRate.Measure(TimeSpan.FromSeconds(parseResult.GetValue(signSeconds)))));
    return 0;
});

var dataverseSeconds = new Option<int>("--seconds") { Description = "Seconds of measured load per store (default 20).", DefaultValueFactory = _ => 20 };
var dataverseConnections = new Option<int>("--connections") { Description = "Keep-alive HTTPS connections (default 8).", DefaultValueFactory = _ => 8 };
var accounts = new Option<int>("--accounts") { Description = "Accounts seeded per store (default 100000).", DefaultValueFactory = _ => 100_000 };
var postgres = new Option<string?>("--postgres")
{
    Description = "PostgreSQL server connection string for the second store (default GATEHOUSE_TEST_POSTGRES; without one, SQLite only).",
    DefaultValueFactory = _ => Environment.GetEnvironmentVariable("GATEHOUSE_TEST_POSTGRES"),
};
foreach (var option in new[] { dataverseSeconds, dataverseConnections, accounts })
{
    option.Validators.Add(AtLeastOne);
}

var dataverse = new Command("dataverse", "GET accounts with a $filter over seeded accounts: p50/p99 on SQLite and PostgreSQL.")
{
    dataverseSeconds, dataverseConnections, accounts, postgres,
};
dataverse.SetAction((parseResult, cancellationToken) => DataverseBenchmark.RunAsync(
    parseResult.GetValue(accounts),
    parseResult.GetValue(dataverseSeconds),
    parseResult.GetValue(dataverseConnections),
    parseResult.GetValue(postgres) is { Length: > 0 } server
        ? [new StoreChoice(StoreChoice.Sqlite, null), new StoreChoice(StoreChoice.Postgres, server)]
        : [new StoreChoice(StoreChoice.Sqlite, null)],
    cancellationToken));

var startupRuns = new Option<int>("--runs") { Description = "Starts of each kind, first and second (default 5).", DefaultValueFactory = _ => 5 };
startupRuns.Validators.Add(AtLeastOne);
var published = new Option<bool>("--published") { Description = "Time `dotnet publish` of src/Gatehouse (ReadyToRun, as shipped), published to a temporary folder first, instead of the bench's build." };
var startup = new Command("startup", "Milliseconds from process start to the first 200 from /healthz, on a new data folder and again on the same one.")
{
    startupRuns, published,
};
startup.SetAction((parseResult, cancellationToken) => StartupBenchmark.RunAsync(parseResult.GetValue(startupRuns), parseResult.GetValue(published), cancellationToken));

var memoryConnections = new Option<int>("--connections") { Description = "Keep-alive HTTPS connections for the loads (default 8).", DefaultValueFactory = _ => 8 };
var memoryTokens = new Option<int>("--tokens") { Description = "client_credentials requests in the token load (default 20000).", DefaultValueFactory = _ => 20_000 };
var memoryUsers = new Option<int>("--users") { Description = "Sample people seeded before the Graph load (default 10000).", DefaultValueFactory = _ => 10_000 };
var memoryLists = new Option<int>("--lists") { Description = "Graph list requests in the Graph load (default 2000).", DefaultValueFactory = _ => 2_000 };
var memoryBodies = new Option<int>("--large-bodies") { Description = "10 MiB POSTs to each of the token service, Graph and Dataverse (default 6).", DefaultValueFactory = _ => 6 };
foreach (var option in new[] { memoryConnections, memoryTokens, memoryUsers, memoryLists, memoryBodies })
{
    option.Validators.Add(AtLeastOne);
}

var memory = new Command("memory", "The server's resident memory (VmRSS, and its peak VmHWM) idle, after a token load, after a Graph load and after oversized bodies.")
{
    memoryConnections, memoryTokens, memoryUsers, memoryLists, memoryBodies,
};
memory.SetAction((parseResult, cancellationToken) => MemoryBenchmark.RunAsync(
    new MemoryPlan(parseResult.GetValue(memoryConnections), parseResult.GetValue(memoryTokens), parseResult.GetValue(memoryUsers),
        parseResult.GetValue(memoryLists), parseResult.GetValue(memoryBodies)),
    cancellationToken));

return await new RootCommand("Gatehouse benchmarks. Results are printed, never committed.") { tokens, proxy, graph, sign, dataverse, startup, memory }
    .Parse(args)
    .InvokeAsync();

static void AtLeastOne(OptionResult result)
{
    if (result.GetValueOrDefault<int>() < 1)
    {
        result.AddError($"{result.Option.Name} must be at least 1.");
    }
}
