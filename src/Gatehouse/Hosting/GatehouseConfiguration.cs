using System.Collections;

namespace Gatehouse.Hosting;

/// <summary>Merges appsettings.json, GATEHOUSE_* variables and command-line flags (later wins) into <see cref="GatehouseOptions"/>.</summary>
internal static class GatehouseConfiguration
{
    private const string EnvironmentPrefix = "GATEHOUSE_";

    /// <summary>OpenTelemetry's own variables (OTEL_EXPORTER_OTLP_ENDPOINT, OTEL_SERVICE_NAME…), read as they are named.</summary>
    private const string OpenTelemetryPrefix = "OTEL_";

    public static IConfigurationRoot Build(IReadOnlyDictionary<string, string?> flags, IReadOnlyDictionary<string, string?> variables) =>
        new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true)
            .AddInMemoryCollection(EnvironmentValues(variables))
            .AddInMemoryCollection(flags)
            .Build();

    /// <summary>The options, or a one-line reason they cannot be used.</summary>
    /// <param name="variables">The environment, by variable name: the process's own for the executable, the test's for a test host.</param>
    public static Outcome<GatehouseOptions, string> Read(IReadOnlyDictionary<string, string?> flags, IReadOnlyDictionary<string, string?> variables)
    {
        GatehouseOptions options;
        try
        {
            options = Build(flags, variables).GetSection(GatehouseOptions.SectionName).Get<GatehouseOptions>() ?? new GatehouseOptions();
        }
        catch (InvalidOperationException e)
        {
            return $"Invalid setting: {e.InnerException?.Message ?? e.Message}";
        }

        return Problem(options) is { } problem ? problem : options;
    }

    private static string? Problem(GatehouseOptions options)
    {
        if (options.Store == Data.StoreKind.Postgres && string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return "--store postgres needs --connection-string (or GATEHOUSE_CONNECTION_STRING).";
        }

        if (options.Store == Data.StoreKind.Postgres && options.InMemory)
        {
            return "--in-memory keeps an embedded store; it cannot be combined with --store postgres.";
        }

        if (options.AccessTokenLifetime is { } lifetime && (lifetime < TimeSpan.FromSeconds(10) || lifetime > TimeSpan.FromDays(1)))
        {
            return "The access-token lifetime must be between 10 seconds and one day (for example 00:05:00).";
        }

        if (options.HubRefreshPoll <= TimeSpan.Zero || options.HubRefreshAhead < TimeSpan.Zero || options.HubSecretExpiryWindow < TimeSpan.Zero)
        {
            return "The hub's refresh poll must be positive, its refresh-ahead and secret-expiry windows not negative.";
        }

        var dataverseUrl = options.HubDataverseUrl == GatehouseOptions.EachOrganization ? null : options.HubDataverseUrl;
        foreach (var (name, url) in new[] { ("hub authority", options.HubAuthority), ("hub Graph URL", options.HubGraphUrl), ("hub Dataverse URL", dataverseUrl) })
        {
            if (url is not null && (!Uri.TryCreate(url, UriKind.Absolute, out var hubUrl) || (hubUrl.Scheme != Uri.UriSchemeHttps && hubUrl.Scheme != Uri.UriSchemeHttp)))
            {
                return $"The {name} '{url}' is not an absolute http(s) URL.";
            }
        }

        // Checked before anything starts, so a mistyped path costs no first start.
        if (options.Import is not null && !File.Exists(options.Import))
        {
            return $"--import: the file {Path.GetFullPath(options.Import)} does not exist.";
        }

        if ((options.TlsCert is null) != (options.TlsKey is null))
        {
            return "--tls-cert and --tls-key go together.";
        }

        foreach (var url in options.ListenUrls)
        {
            if (ListenAddresses.Parse(url) is not { } parsed || (parsed.Scheme != Uri.UriSchemeHttps && parsed.Scheme != Uri.UriSchemeHttp))
            {
                return $"'{url}' is not a listen URL (https://host:port).";
            }
        }

        if (ListenAddresses.ProxyUrlProblem(options.ProxyListenUrls, options.ListenUrls) is { } proxyProblem)
        {
            return proxyProblem;
        }

        if (ListenAddresses.MetricsUrlProblem(options.MetricsListenUrls, options.ListenUrls.Concat(options.ProxyListenUrls)) is { } metricsProblem)
        {
            return metricsProblem;
        }

        if (options.ClientFailureLimit < 1 || options.SignInFailureLimit < 1
            || !IsRateWindow(options.ClientFailureWindow) || !IsRateWindow(options.SignInFailureWindow))
        {
            return "The failure limits must be at least 1 and their windows between 1 second and one day (for example 00:05:00).";
        }

        if (!ConsoleLogFormat.IsKnown(options.LogFormat))
        {
            return $"--log-format is text or json, not '{options.LogFormat}'.";
        }

        if (options.LogRetentionDays is < 1 or > 3650)
        {
            return "--log-retention-days must be between 1 and 3650.";
        }

        if (Graph.GraphThrottleOptions.Parse(options.GraphThrottle) is { Succeeded: false } throttling)
        {
            return throttling.Error;
        }

        if (options.ListenUrls.Count == 0)
        {
            return "--urls names no URL to listen on.";
        }

        return options.PublicUrl is not null && !Uri.TryCreate(options.PublicUrl, UriKind.Absolute, out _)
            ? $"'{options.PublicUrl}' is not an absolute URL."
            : null;
    }

    private static bool IsRateWindow(TimeSpan window) => window >= TimeSpan.FromSeconds(1) && window <= TimeSpan.FromDays(1);

    /// <summary>The OTEL_* variables among <paramref name="variables"/>, as configuration values under their own names.</summary>
    public static IEnumerable<KeyValuePair<string, string?>> OpenTelemetryValues(IReadOnlyDictionary<string, string?> variables) =>
        variables.Where(variable => variable.Key.StartsWith(OpenTelemetryPrefix, StringComparison.Ordinal));

    /// <summary>This process's GATEHOUSE_* and OTEL_* variables.</summary>
    public static IReadOnlyDictionary<string, string?> ProcessVariables()
    {
        var variables = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            if (entry.Key is string name
                && (name.StartsWith(EnvironmentPrefix, StringComparison.OrdinalIgnoreCase) || name.StartsWith(OpenTelemetryPrefix, StringComparison.Ordinal)))
            {
                variables[name] = entry.Value as string;
            }
        }

        return variables;
    }

    // GATEHOUSE_PUBLIC_URL → Gatehouse:PUBLICURL; configuration keys compare case-insensitively.
    private static IEnumerable<KeyValuePair<string, string?>> EnvironmentValues(IReadOnlyDictionary<string, string?> variables)
    {
        foreach (var (name, value) in variables)
        {
            if (name.StartsWith(EnvironmentPrefix, StringComparison.OrdinalIgnoreCase))
            {
                var key = name[EnvironmentPrefix.Length..].Replace("_", "", StringComparison.Ordinal);
                yield return new($"{GatehouseOptions.SectionName}:{key}", value);
            }
        }
    }
}
