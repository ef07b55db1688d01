using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Gatehouse.Tests.Infrastructure;

namespace Gatehouse.Tests.Connectors;

/// <summary>
/// The seed story up to the hub: an app registered with the CLI (redirect URI, secret, Microsoft Graph delegated
/// and application permissions, admin consent), a user, a server, an organization's hub secrets, a loopback
/// listener receiving the hub's events, and one standing in for a provider API where a test needs one.
/// </summary>
internal sealed class HubScenario : IAsyncDisposable
{
    public const string SignatureKey = "event-signing-key-for-tests";

    /// <summary>
    /// Hour-long access tokens, refreshed 15 minutes ahead of expiry by a poller that looks every 200 ms (real time):
    /// a test moves the clock into the refresh window (<see cref="MoveIntoRefreshWindow"/>) instead of waiting for it.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> QuickRefresh = new Dictionary<string, string>
    {
        ["GATEHOUSE_ACCESS_TOKEN_LIFETIME"] = "01:00:00",
        ["GATEHOUSE_HUB_REFRESH_AHEAD"] = "00:15:00",
        ["GATEHOUSE_HUB_REFRESH_POLL"] = "00:00:00.200",
    };

    private static readonly string[] Tags = ["test"];

    private HubScenario(TokenServiceFixture gatehouse, DelegatedSignIn signIn, HubClient hub, LoopbackListener events, LoopbackListener provider)
    {
        Gatehouse = gatehouse;
        SignIn = signIn;
        Hub = hub;
        Events = events;
        Provider = provider;
    }

    public TokenServiceFixture Gatehouse { get; }

    public DelegatedSignIn SignIn { get; }

    public HubClient Hub { get; }

    public LoopbackListener Events { get; }

    /// <summary>Where the office365 element's API calls go when the test points the hub's Graph URL at it.</summary>
    public LoopbackListener Provider { get; }

    public TestStore Store => Gatehouse.Store;

    public RegisteredClient App => SignIn.Client;

    /// <summary>
    /// Moves the clock of every node and CLI run over the store 46 minutes on: an access token of
    /// <see cref="QuickRefresh"/> issued before is then 14 minutes from expiry, inside the refresh window, not expired.
    /// </summary>
    public void MoveIntoRefreshWindow() => Store.Clock.Advance(TimeSpan.FromMinutes(46));

    /// <param name="environment">GATEHOUSE_* settings; GATEHOUSE_HUB_GRAPH_URL = "provider" points Graph at <see cref="Provider"/>.</param>
    public static async Task<HubScenario> StartAsync(string store, IReadOnlyDictionary<string, string>? environment = null,
        Func<ReceivedRequest, (int, string, IReadOnlyDictionary<string, string>?)>? provider = null)
    {
        var events = new LoopbackListener();
        var providerListener = new LoopbackListener(provider ?? (r => (200, JsonSerializer.Serialize(new { path = r.Path }), null)));
        var settings = new Dictionary<string, string>(environment ?? new Dictionary<string, string>());
        if (settings.TryGetValue("GATEHOUSE_HUB_GRAPH_URL", out var graph) && graph == "provider")
        {
            settings["GATEHOUSE_HUB_GRAPH_URL"] = providerListener.Url;
        }

        var gatehouse = await TokenServiceFixture.StartAsync(TestStore.Migrated(store), settings);
        var signIn = await DelegatedSignIn.CreateAsync(gatehouse, "connector-hub");
        foreach (var (permission, type) in new[] { ("Calendars.Read", "Delegated"), ("Calendars.ReadWrite", "Delegated"), ("User.Read.All", "Application"), ("Calendars.Read", "Application") })
        {
            await GatehouseCli.JsonAsync(gatehouse.Store, "app", "permission", "add", "--app", signIn.Client.AppId, "--api", "Microsoft Graph", "--permission", permission, "--type", type);
        }

        await GatehouseCli.JsonAsync(gatehouse.Store, "app", "consent", "--app", signIn.Client.AppId);
        var hub = await HubClient.CreateAsync(gatehouse.Store, gatehouse.Http);
        return new HubScenario(gatehouse, signIn, hub, events, providerListener);
    }

    /// <summary>GET /elements/{element}/oauth/url, then the user signs in at the URL it gives: the code sent to the callback.</summary>
    /// <param name="moreQuery">More of the oauth/url query, starting with '&amp;'.</param>
    public async Task<string> SignInForCodeAsync(string state = "hub-state", string element = "office365", string moreQuery = "")
    {
        var (status, body) = await Hub.JsonAsync(HttpMethod.Get,
            $"/elements/{element}/oauth/url?apiKey={App.AppId}&apiSecret={Uri.EscapeDataString(App.Secret)}&callbackUrl={Uri.EscapeDataString(DelegatedSignIn.RedirectUri)}&state={state}{moreQuery}");
        Assert.Equal(200, status);
        var oauthUrl = new Uri(body.GetProperty("oauthUrl").GetString()!);
        Assert.Equal(Gatehouse.Server.BaseAddress.Authority, oauthUrl.Authority);
        using var response = await SignIn.AuthorizeAsync(oauthUrl.PathAndQuery);
        var location = response.Headers.Location!;
        Assert.StartsWith(DelegatedSignIn.RedirectUri + "?", location.OriginalString, StringComparison.Ordinal);
        var query = DelegatedSignIn.Query(location);
        Assert.Equal(state, query["state"]);
        return query["code"];
    }

    public Dictionary<string, object> Configuration(bool events = true)
    {
        var configuration = new Dictionary<string, object>
        {
            ["oauth.api.key"] = App.AppId,
            ["oauth.api.secret"] = App.Secret,
            ["oauth.callback.url"] = DelegatedSignIn.RedirectUri,
        };
        if (events)
        {
            configuration["event.notification.enabled"] = true;
            configuration["event.notification.callback.url"] = Events.Url + "events";
            configuration["event.notification.signature.key"] = SignatureKey;
        }

        return configuration;
    }

    /// <summary>The whole delegated chain: oauth/url, sign-in, code, POST /instances; the new instance's ID and token.</summary>
    /// <param name="organization">For dynamics365: the organisation URL, in the oauth/url query and the configuration.</param>
    public async Task<(long Id, string Token)> CreateDelegatedInstanceAsync(bool events = true, string element = "office365", string? organization = null)
    {
        var code = await SignInForCodeAsync(element: element, moreQuery: organization is null ? "" : $"&dynamics.tenant={Uri.EscapeDataString(organization)}");
        var configuration = Configuration(events);
        if (organization is not null)
        {
            configuration["dynamics.tenant"] = organization;
        }

        var (status, instance) = await Hub.JsonAsync(HttpMethod.Post, "/instances", new
        {
            element = new { key = element },
            providerData = new { code },
            configuration,
            tags = Tags,
            name = "my instance",
        });
        Assert.True(status == 200, instance.ToString());
        return (instance.GetProperty("id").GetInt64(), instance.GetProperty("token").GetString()!);
    }

    public async Task<(long Id, string Token)> CreateAppOnlyInstanceAsync(string element = "office365", string? organization = null)
    {
        var configuration = Configuration();
        configuration.Remove("oauth.callback.url");
        configuration["oauth.grant.type"] = "client_credentials";
        if (organization is not null)
        {
            configuration["dynamics.tenant"] = organization;
        }

        var (status, instance) = await Hub.JsonAsync(HttpMethod.Post, "/instances", new { element = new { key = element }, configuration, name = "app-only" });
        Assert.True(status == 200, instance.ToString());
        return (instance.GetProperty("id").GetInt64(), instance.GetProperty("token").GetString()!);
    }

    /// <summary>Whether the event carries a valid Elements-Webhook-Signature: base64(HMAC-SHA256(key, body)).</summary>
    public static bool IsSigned(ReceivedRequest received) =>
        received.Headers.TryGetValue("Elements-Webhook-Signature", out var signature)
        && signature == Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(SignatureKey), Encoding.UTF8.GetBytes(received.Body)));

    public static string EventType(ReceivedRequest received) => JsonDocument.Parse(received.Body).RootElement.GetProperty("eventType").GetString()!;

    public async ValueTask DisposeAsync()
    {
        SignIn.Dispose();
        await Events.DisposeAsync();
        await Provider.DisposeAsync();
        await Gatehouse.DisposeAsync();
    }
}
