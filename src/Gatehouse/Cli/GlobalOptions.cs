using System.CommandLine;

namespace Gatehouse.Cli;

/// <summary>The flags of README.md's "Configuration", accepted by every verb. Each maps to a Gatehouse:* configuration key.</summary>
internal static class GlobalOptions
{
    public static readonly Option<string?> Urls = Recursive("--urls", "Listen URLs, separated by ';' (default https://localhost:5443).");
    public static readonly Option<string?> ProxyUrls = Recursive("--proxy-urls", "HTTP proxy URLs on loopback for Microsoft's hosts, separated by ';' (default: no proxy).");
    public static readonly Option<string?> MetricsUrls = Recursive("--metrics-urls", "Listen URLs of a listener serving only /metrics, separated by ';' (default: /metrics on --urls, loopback callers only).");
    public static readonly Option<string?> PublicUrl = Recursive("--public-url", "Base URL in issuers and links (default: the first listen URL).");
    public static readonly Option<string?> Data = Recursive("--data", "Data folder (default ./.gatehouse).");
    public static readonly Option<string?> Store = Recursive("--store", "sqlite (default) or postgres.");
    public static readonly Option<string?> ConnectionString = Recursive("--connection-string", "Store connection string.");
    public static readonly Option<bool> InMemory = new("--in-memory") { Description = "Keep everything in memory; write nothing to disk.", Recursive = true };
    public static readonly Option<string?> TlsCert = Recursive("--tls-cert", "PEM certificate for HTTPS (with --tls-key).");
    public static readonly Option<string?> TlsKey = Recursive("--tls-key", "PEM private key for HTTPS (with --tls-cert).");
    public static readonly Option<string?> KeyEncryptionKey = Recursive("--key-encryption-key", "Certificate with private key (PEM or PFX file) that encrypts the store's key ring (default: the data folder's keys/kek).");
    public static readonly Option<string?> TenantId = Recursive("--tenant-id", "Default tenant ID, at first start.");
    public static readonly Option<string?> TenantName = Recursive("--tenant-name", "Default tenant name, at first start.");
    public static readonly Option<string?> TenantDomain = Recursive("--tenant-domain", "Default tenant domain, at first start.");
    public static readonly Option<string?> Tenant = Recursive("--tenant", "Tenant ID or domain a management verb acts on (default: the default tenant).");
    public static readonly Option<string?> ClientFailureLimit = Recursive("--client-failure-limit", "Failed client authentications per client and window before 429 (default 20).");
    public static readonly Option<string?> ClientFailureWindow = Recursive("--client-failure-window", "Window of --client-failure-limit (default 00:01:00).");
    public static readonly Option<string?> SignInFailureLimit = Recursive("--sign-in-failure-limit", "Failed sign-ins per remote address and window before 429 (default 30).");
    public static readonly Option<string?> SignInFailureWindow = Recursive("--sign-in-failure-window", "Window of --sign-in-failure-limit (default 00:05:00).");
    public static readonly Option<string?> LogRetentionDays = Recursive("--log-retention-days", "Days sign-in and audit log entries are kept (default 30).");
    public static readonly Option<string?> LogFormat = Recursive("--log-format", "Console log format: text (default) or json, one JSON object per line.");
    public static readonly Option<bool> NoRateLimits = new("--no-rate-limits") { Description = "Turn the failure limits off (loopback benchmarks only).", Recursive = true };
    public static readonly Option<bool> AllowClockOffset = new("--allow-clock-offset") { Description = "Follow the store's clock offset and let `clock` move it (tests only).", Recursive = true };
    /// <summary>`serve` only: not recursive, so a management verb refuses it.</summary>
    public static readonly Option<string?> Import = new("--import") { Description = "Tenant document (JSON) to import at start, after migration and before listening; works with --in-memory." };
    public static readonly Option<bool> Json = new("--json") { Description = "Print one JSON object.", Recursive = true };

    public static IEnumerable<Option> All =>
        [Urls, ProxyUrls, MetricsUrls, PublicUrl, Data, Store, ConnectionString, InMemory, TlsCert, TlsKey, KeyEncryptionKey, TenantId, TenantName, TenantDomain, Tenant, Json,
         ClientFailureLimit, ClientFailureWindow, SignInFailureLimit, SignInFailureWindow, NoRateLimits, AllowClockOffset, LogRetentionDays, LogFormat];

    /// <summary>The flags given on this command line, as configuration values that override GATEHOUSE_* and appsettings.json.</summary>
    public static IReadOnlyDictionary<string, string?> ToConfigurationValues(ParseResult parseResult)
    {
        var values = new Dictionary<string, string?>();
        void Put(Option<string?> option, string key)
        {
            if (parseResult.GetValue(option) is { } value)
            {
                values[$"Gatehouse:{key}"] = value;
            }
        }

        Put(Urls, "Urls");
        Put(ProxyUrls, "ProxyUrls");
        Put(MetricsUrls, "MetricsUrls");
        Put(PublicUrl, "PublicUrl");
        Put(Data, "Data");
        Put(Store, "Store");
        Put(ConnectionString, "ConnectionString");
        Put(Import, "Import");
        Put(TlsCert, "TlsCert");
        Put(TlsKey, "TlsKey");
        Put(KeyEncryptionKey, "KeyEncryptionKey");
        Put(TenantId, "TenantId");
        Put(TenantName, "TenantName");
        Put(TenantDomain, "TenantDomain");
        Put(ClientFailureLimit, "ClientFailureLimit");
        Put(ClientFailureWindow, "ClientFailureWindow");
        Put(SignInFailureLimit, "SignInFailureLimit");
        Put(SignInFailureWindow, "SignInFailureWindow");
        Put(LogRetentionDays, "LogRetentionDays");
        Put(LogFormat, "LogFormat");
        if (parseResult.GetValue(NoRateLimits))
        {
            values["Gatehouse:NoRateLimits"] = "true";
        }

        if (parseResult.GetValue(AllowClockOffset))
        {
            values["Gatehouse:AllowClockOffset"] = "true";
        }

        if (parseResult.GetValue(InMemory))
        {
            values["Gatehouse:InMemory"] = "true";
        }

        return values;
    }

    private static Option<string?> Recursive(string name, string description) =>
        new(name) { Description = description, Recursive = true };
}
