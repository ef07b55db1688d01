using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Gatehouse.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Gatehouse.BrowserTests.Infrastructure;

/// <summary>
/// The server and browser of <see cref="BrowserFixture"/>, the single-page app's web server (<see cref="SpaHost"/>), and
/// what the SPA tests share in the directory: the SPA's registration (a spa redirect URI at the SPA's origin, User.Read
/// and Calendars.Read with admin consent), the same origin registered as a web redirect URI on another app, and a
/// user with one event in their calendar.
/// </summary>
public sealed class SpaFixture : IAsyncLifetime
{
    public const string Upn = "megan@contoso.onmicrosoft.com";
    public const string DisplayName = "Megan Bowen";
    public const string EventSubject = "Quarterly planning";

    private readonly System.Collections.Concurrent.ConcurrentBag<string> profiles = [];

    public BrowserFixture Browser { get; } = new();

    public SpaHost Spa { get; private set; } = null!;

    public string Password { get; } = $"Gh-{RandomNumberGenerator.GetHexString(24, lowercase: true)}-Q7";

    /// <summary>The app registered with the SPA's origin as a spa redirect URI.</summary>
    public string SpaClientId { get; private set; } = "";

    /// <summary>An app registered with the SPA's origin as a web redirect URI.</summary>
    public string WebClientId { get; private set; } = "";

    /// <summary>host:port of the server, msal-browser's known authority.</summary>
    public string AuthorityHost => new Uri(Browser.BaseUrl).Authority;

    public string Authority => $"{Browser.BaseUrl}/{BrowserFixture.TenantId}";

    public string TokenEndpoint => $"{Authority}/oauth2/v2.0/token";

    public async ValueTask InitializeAsync()
    {
        await Browser.InitializeAsync();
        Spa = await SpaHost.StartAsync();
        var store = Browser.Store;
        var user = await GatehouseCli.JsonAsync(store, "user", "create", "--upn", Upn, "--password", Password, "--display-name", DisplayName);
        SpaClientId = await CreateSignInAppAsync("Contoso SPA", "--spa-redirect-uri");
        WebClientId = await CreateSignInAppAsync("Contoso web app", "--redirect-uri");
        await AddEventAsync(user.GetProperty("id").GetString()!);
    }

    public async ValueTask DisposeAsync()
    {
        if (Spa is not null)
        {
            await Spa.DisposeAsync();
        }

        await Browser.DisposeAsync();
        foreach (var profile in profiles)
        {
            Directory.Delete(profile, recursive: true);
        }
    }

    /// <summary>
    /// A browser profile that sends cookies to third parties, as the user's own Chrome does when third-party cookies are
    /// allowed: a hidden iframe on another site then carries the session cookie. Debian's chromium blocks them in a new
    /// profile, so the profile's preferences say so before it starts (cookie_controls_mode 0: allow). Its own chromium
    /// process, with the same certificate pin; its folder is deleted with the fixture.
    /// </summary>
    public async Task<IBrowserContext> ThirdPartyCookiesContextAsync()
    {
        var profile = Directory.CreateTempSubdirectory("gatehouse-chromium-").FullName;
        Directory.CreateDirectory(Path.Combine(profile, "Default"));
        await File.WriteAllTextAsync(Path.Combine(profile, "Default", "Preferences"), """{"profile":{"cookie_controls_mode":0,"block_third_party_cookies":false}}""");
        var context = await Browser.Playwright.Chromium.LaunchPersistentContextAsync(profile, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = DebianChromium.Locate(),
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", $"--ignore-certificate-errors-spki-list={DebianChromium.SpkiPin(Path.Combine(Browser.Store.DataFolder, "tls.pem"))}"],
        });
        context.SetDefaultTimeout(15_000);
        profiles.Add(profile);
        return context;
    }

    /// <summary>The script a page of the SPA reads before its own runs: which app it is and where Gatehouse is.</summary>
    public string Settings(string clientId) =>
        "window.gatehouseSpa = " + JsonSerializer.Serialize(new
        {
            clientId,
            authority = Authority,
            knownAuthority = AuthorityHost,
            scopes = (string[])["User.Read", "Calendars.Read"],
        }) + ";";

    /// <summary>An app with the SPA's origin as a redirect URI of the platform the option names, and its scopes consented for the tenant.</summary>
    private async Task<string> CreateSignInAppAsync(string name, string redirectUriOption)
    {
        var appId = await CreateAppAsync(name, redirectUriOption, Spa.Origin);
        foreach (var permission in (string[])["User.Read", "Calendars.Read"])
        {
            await GatehouseCli.JsonAsync(Browser.Store, "app", "permission", "add", "--app", appId, "--api", "Microsoft Graph", "--permission", permission, "--type", "Delegated");
        }

        await GatehouseCli.JsonAsync(Browser.Store, "app", "consent", "--app", appId);
        return appId;
    }

    private async Task<string> CreateAppAsync(string name, params string[] options)
    {
        var app = await GatehouseCli.JsonAsync(Browser.Store, ["app", "create", "--name", name, .. options]);
        return app.GetProperty("appId").GetString()!;
    }

    /// <summary>Puts an event in the user's calendar as a daemon app with Calendars.ReadWrite would, through Graph.</summary>
    private async Task AddEventAsync(string userId)
    {
        var store = Browser.Store;
        var daemon = await CreateAppAsync("Calendar seeder");
        var secret = (await GatehouseCli.JsonAsync(store, "app", "secret", "add", "--app", daemon, "--expires", "never")).GetProperty("secretText").GetString()!;
        await GatehouseCli.JsonAsync(store, "app", "permission", "add", "--app", daemon, "--api", "Microsoft Graph", "--permission", "Calendars.ReadWrite", "--type", "Application");
        await GatehouseCli.JsonAsync(store, "app", "consent", "--app", daemon);

        using var http = new HttpClient(Browser.Server.Pin.CreateHandler());
        using var token = await http.PostAsync(TokenEndpoint, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = daemon,
            ["client_secret"] = secret,
            ["scope"] = "https://graph.microsoft.com/.default",
        }));
        token.EnsureSuccessStatusCode();
        var accessToken = (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{Browser.BaseUrl}/v1.0/users/{userId}/events")
        {
            Content = JsonContent.Create(new
            {
                subject = EventSubject,
                start = new { dateTime = "2026-12-10T09:00:00", timeZone = "UTC" },
                end = new { dateTime = "2026-12-10T10:00:00", timeZone = "UTC" },
            }),
        };
        request.Headers.Authorization = new("Bearer", accessToken);
        using var created = await http.SendAsync(request);
        created.EnsureSuccessStatusCode();
    }
}
