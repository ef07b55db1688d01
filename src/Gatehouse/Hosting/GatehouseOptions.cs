using Gatehouse.Data;

namespace Gatehouse.Hosting;

/// <summary>Everything an operator may set (README.md, "Configuration"), after flags, GATEHOUSE_* variables and appsettings.json are merged.</summary>
internal sealed record GatehouseOptions
{
    public const string SectionName = "Gatehouse";

    /// <summary>The <see cref="HubDataverseUrl"/> that sends each Dynamics 365 instance to its organisation's own URL.</summary>
    public const string EachOrganization = "organization";
    public static readonly Guid DefaultTenantId = new("11111111-1111-4111-8111-111111111111");

    public string Urls { get; init; } = "https://localhost:5443";
    public string? PublicUrl { get; init; }

    /// <summary>
    /// The HTTP proxy's listen URLs, loopback only, off when null: it tunnels CONNECTs to Microsoft's hosts and to this
    /// server into the same endpoints (docs/protocol/microsoft-hosts.md §2.1).
    /// </summary>
    public string? ProxyUrls { get; init; }

    /// <summary>
    /// The metrics listener's URLs, off when null: it serves GET /metrics and /healthz and nothing else, and the main
    /// listener then answers 404 for /metrics. Without it, /metrics answers only loopback callers on the main listener.
    /// </summary>
    public string? MetricsUrls { get; init; }
    public string Data { get; init; } = ".gatehouse";
    public StoreKind Store { get; init; } = StoreKind.Sqlite;
    public string? ConnectionString { get; init; }
    public bool InMemory { get; init; }
    /// <summary>A tenant document imported at every start of the server, after migration and before it listens (`serve --import`).</summary>
    public string? Import { get; init; }

    public string? TlsCert { get; init; }
    public string? TlsKey { get; init; }

    /// <summary>
    /// The certificate with private key that encrypts the store's Data Protection key ring: a PEM or PFX file, or PEM
    /// text. Null means the data folder's keys/kek (made at first start); every node of one store needs the same.
    /// </summary>
    public string? KeyEncryptionKey { get; init; }
    public Guid TenantId { get; init; } = DefaultTenantId;
    public string TenantName { get; init; } = "Default Directory";
    public string TenantDomain { get; init; } = "contoso.onmicrosoft.com";

    /// <summary>A fixed access-token lifetime instead of Entra's random 60–90 minutes, so that tests can watch clients refresh.</summary>
    public TimeSpan? AccessTokenLifetime { get; init; }

    /// <summary>The connector hub's authority; null means this Gatehouse (https://login.microsoftonline.com for Entra ID).</summary>
    public string? HubAuthority { get; init; }

    /// <summary>The connector hub's Microsoft Graph base URL; null means this Gatehouse (https://graph.microsoft.com for Microsoft's).</summary>
    public string? HubGraphUrl { get; init; }

    /// <summary>
    /// Where the hub reaches a Dynamics 365 organisation's Web API: null means this Gatehouse whatever the organisation
    /// URL; "organization" means the organisation URL itself (Microsoft's cloud).
    /// </summary>
    public string? HubDataverseUrl { get; init; }

    /// <summary>How long before an access token expires the hub refreshes it (Nango's 15 minutes).</summary>
    public TimeSpan HubRefreshAhead { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>How often each node looks for instances to refresh.</summary>
    public TimeSpan HubRefreshPoll { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Instances whose API secret expires within this window are listed by /instances/health and raise an event.</summary>
    public TimeSpan HubSecretExpiryWindow { get; init; } = TimeSpan.FromDays(30);

    /// <summary>
    /// Graph throttling for chosen apps, off by default: "APPID=REQUESTS/SECONDS" entries separated by ';'
    /// (e.g. "6f0c…=5/10": five requests per ten seconds, then 429 with Retry-After).
    /// </summary>
    public string? GraphThrottle { get; init; }

    /// <summary>Failed client authentications one client (per tenant) may have per window before its token requests get 429.</summary>
    public int ClientFailureLimit { get; init; } = 20;

    public TimeSpan ClientFailureWindow { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Failed sign-ins (page or password grant) one remote address may have per window before it gets 429.</summary>
    public int SignInFailureLimit { get; init; } = 30;

    public TimeSpan SignInFailureWindow { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Days the sign-in and audit logs keep an entry; older entries are deleted hourly.</summary>
    public int LogRetentionDays { get; init; } = DirectoryObjects.Logs.LogRetention.DefaultDays;

    /// <summary>How the console log is written: <see cref="ConsoleLogFormat.Text"/> (the default) or <see cref="ConsoleLogFormat.Json"/>.</summary>
    public string LogFormat { get; init; } = ConsoleLogFormat.Text;

    /// <summary>Turns both limits off: for loopback benchmarks, never for a server others reach.</summary>
    public bool NoRateLimits { get; init; }

    /// <summary>
    /// Time travel for tests: the process follows the store's clock offset, which `gatehouse clock` and POST /admin/clock
    /// move. Off by default, and never for a server others rely on.
    /// </summary>
    public bool AllowClockOffset { get; init; }

    public FailureLimit? ClientFailures => NoRateLimits ? null : new(ClientFailureLimit, ClientFailureWindow);

    public FailureLimit? SignInFailures => NoRateLimits ? null : new(SignInFailureLimit, SignInFailureWindow);

    /// <summary>Only read at first start, from GATEHOUSE_ADMIN_PASSWORD (or appsettings.json), never from a flag.</summary>
    public string? AdminPassword { get; init; }

    public IReadOnlyList<string> ListenUrls => SplitUrls(Urls);

    public IReadOnlyList<string> ProxyListenUrls => SplitUrls(ProxyUrls);

    public IReadOnlyList<string> MetricsListenUrls => SplitUrls(MetricsUrls);

    public string PublicUrlOrDefault => PublicUrl ?? ListenUrls[0];

    public string DataFolder => Path.GetFullPath(Data);

    /// <summary>Call once: an in-memory store gets a fresh name each time.</summary>
    public StoreSettings CreateStoreSettings() => Store switch
    {
        StoreKind.Postgres => new StoreSettings(StoreKind.Postgres,
            ConnectionString ?? throw new InvalidOperationException("--store postgres needs --connection-string (or GATEHOUSE_CONNECTION_STRING)."),
            InMemory: false),
        _ when InMemory => new StoreSettings(StoreKind.Sqlite, $"Data Source=gatehouse-{Guid.NewGuid():N};Mode=Memory;Cache=Shared", InMemory: true),
        _ => new StoreSettings(StoreKind.Sqlite, ConnectionString ?? $"Data Source={Path.Combine(DataFolder, "gatehouse.db")}", InMemory: false),
    };

    private static string[] SplitUrls(string? urls) =>
        (urls ?? "").Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
