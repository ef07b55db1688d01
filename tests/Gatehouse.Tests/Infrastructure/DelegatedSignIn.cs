using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Gatehouse.Tests.Infrastructure;

/// <summary>
/// The authorization-code flow over raw HTTP, as a browser would run it: a user signs in on the server's sign-in page
/// (cookies kept, redirects not followed) and the authorize endpoint answers with a redirect to the app.
/// </summary>
internal sealed partial class DelegatedSignIn : IDisposable
{
    public const string RedirectUri = "https://localhost/callback";

    /// <summary>The redirect URI Entra gives desktop and device-code public clients, a value only: nothing is sent to it.</summary>
    public const string NativeClientRedirectUri = "https://login.microsoftonline.com/common/oauth2/nativeclient";

    private readonly HttpClient browser;

    private DelegatedSignIn(TokenServiceFixture gatehouse, RegisteredClient client, string upn, string password, string redirectUri = RedirectUri)
    {
        Redirect = redirectUri;
        Gatehouse = gatehouse;
        Client = client;
        Upn = upn;
        Password = password;
        var handler = gatehouse.TrustingHandler();
        handler.AllowAutoRedirect = false;
        handler.CookieContainer = new CookieContainer();
        browser = new HttpClient(handler) { BaseAddress = gatehouse.Server.BaseAddress };
    }

    public TokenServiceFixture Gatehouse { get; }

    /// <summary>The app's registered redirect URI this flow uses.</summary>
    public string Redirect { get; }

    public RegisteredClient Client { get; }

    public string Upn { get; }

    public string Password { get; }

    /// <summary>
    /// An app with https://localhost/callback, a secret and Microsoft Graph's User.Read (delegated) or the delegated
    /// permissions given, consented for the tenant so that no consent page comes between sign-in and the code; and a new user.
    /// </summary>
    public static Task<DelegatedSignIn> CreateAsync(TokenServiceFixture gatehouse, string name, params string[] graphPermissions) =>
        CreateAsync(gatehouse, name, consent: true, role: null, graphPermissions);

    /// <summary>
    /// The same, consented for the tenant only if <paramref name="consent"/>, with a user holding the directory role
    /// <paramref name="role"/> if one is named.
    /// </summary>
    public static async Task<DelegatedSignIn> CreateAsync(
        TokenServiceFixture gatehouse, string name, bool consent, string? role = null, IReadOnlyList<string>? graphPermissions = null, string? signInAudience = null,
        bool idTokens = false, bool accessTokens = false)
    {
        string[] create = ["app", "create", "--name", name, "--redirect-uri", RedirectUri];
        create = signInAudience is null ? create : [.. create, "--sign-in-audience", signInAudience];
        create = idTokens ? [.. create, "--enable-id-token-issuance"] : create;
        var app = await GatehouseCli.JsonAsync(gatehouse.Store, accessTokens ? [.. create, "--enable-access-token-issuance"] : create);
        var appId = app.GetProperty("appId").GetString()!;
        var secret = await GatehouseCli.JsonAsync(gatehouse.Store, "app", "secret", "add", "--app", appId, "--expires", "never");
        foreach (var permission in graphPermissions is null or { Count: 0 } ? ["User.Read"] : graphPermissions)
        {
            await GatehouseCli.JsonAsync(gatehouse.Store, "app", "permission", "add", "--app", appId, "--api", "Microsoft Graph", "--permission", permission, "--type", "Delegated");
        }

        if (consent)
        {
            await GatehouseCli.JsonAsync(gatehouse.Store, "app", "consent", "--app", appId);
        }

        var (upn, password) = await CreateUserAsync(gatehouse, name, role);
        var client = new RegisteredClient(appId, secret.GetProperty("secretText").GetString()!, secret.GetProperty("keyId").GetString()!);
        return new DelegatedSignIn(gatehouse, client, upn, password);
    }

    /// <summary>A client every tenant already has (one of Microsoft's), signing in on <paramref name="redirectUri"/>, and a new user.</summary>
    public static async Task<DelegatedSignIn> ForFirstPartyClientAsync(TokenServiceFixture gatehouse, string appId, string redirectUri)
    {
        var (upn, password) = await CreateUserAsync(gatehouse, "first-party", role: null);
        return new DelegatedSignIn(gatehouse, new RegisteredClient(appId, "", ""), upn, password, redirectUri);
    }

    /// <summary>The same app, with another person at another browser.</summary>
    public async Task<DelegatedSignIn> WithAnotherUserAsync(string? role = null)
    {
        var (upn, password) = await CreateUserAsync(Gatehouse, "other", role);
        return new DelegatedSignIn(Gatehouse, Client, upn, password, Redirect);
    }

    /// <summary>The same app, with a person who already exists (such as a tenant's first administrator) at another browser.</summary>
    public DelegatedSignIn AsUser(string upn, string password) => new(Gatehouse, Client, upn, password, Redirect);

    /// <summary>The same app, with a person of another tenant (made by <see cref="ImportTenantAsync"/>) at another browser.</summary>
    public async Task<DelegatedSignIn> InTenantAsync(string tenantDomain, string? role = null)
    {
        var (upn, password) = await CreateUserAsync(Gatehouse, "guest", role, tenantDomain);
        return new DelegatedSignIn(Gatehouse, Client, upn, password, Redirect);
    }

    /// <summary>A second, empty tenant (Microsoft's APIs only), imported as an operator would; returns its ID.</summary>
    public static async Task<string> ImportTenantAsync(TokenServiceFixture gatehouse, string domain)
    {
        var tenantId = Guid.NewGuid().ToString();
        var document = $$"""
            { "schema": "gatehouse.tenant/v1",
              "tenant": { "id": "{{tenantId}}", "displayName": "{{domain}}", "domains": [ { "name": "{{domain}}", "isDefault": true, "isInitial": true } ] } }
            """;
        await GatehouseCli.JsonAsync(gatehouse.Store, "tenant", "import", gatehouse.Store.WriteFile($"{domain}.json", document));
        return tenantId;
    }

    private static async Task<(string Upn, string Password)> CreateUserAsync(
        TokenServiceFixture gatehouse, string name, string? role, string tenantDomain = TokenServiceFixture.TenantDomain)
    {
        var local = $"{name}-{Guid.NewGuid():N}";
        var upn = local[..Math.Min(40, local.Length)] + $"@{tenantDomain}";
        var password = $"Gh-{RandomNumberGenerator.GetHexString(24, lowercase: true)}-Q7";
        string[] create = ["user", "create", "--upn", upn, "--password", password, "--display-name", name + " user", "--tenant", tenantDomain];
        await GatehouseCli.JsonAsync(gatehouse.Store, role is null ? create : [.. create, "--role", role]);
        return (upn, password);
    }

    /// <summary>
    /// A public client (mobile and desktop redirect URI, no secret) with User.Read, consented for the tenant unless
    /// <paramref name="consent"/> is false, and a new user. <paramref name="allowPublicClientFlows"/> is the portal's
    /// "Allow public client flows" (device code and password grants).
    /// </summary>
    public static Task<DelegatedSignIn> CreatePublicAsync(
        TokenServiceFixture gatehouse, string name, string redirectUri, bool allowPublicClientFlows = false, bool consent = true, string? signInAudience = null)
    {
        string[] create = ["app", "create", "--name", name, "--public-client-redirect-uri", redirectUri];
        create = signInAudience is null ? create : [.. create, "--sign-in-audience", signInAudience];
        return CreateWithoutSecretAsync(gatehouse, name, allowPublicClientFlows ? [.. create, "--allow-public-client-flows"] : create, redirectUri, consent);
    }

    /// <summary>A single-page app (a SPA redirect URI, no secret) with User.Read, consented for the tenant, and a new user.</summary>
    public static Task<DelegatedSignIn> CreateSpaAsync(TokenServiceFixture gatehouse, string name, string redirectUri) =>
        CreateWithoutSecretAsync(gatehouse, name, ["app", "create", "--name", name, "--spa-redirect-uri", redirectUri], redirectUri, consent: true);

    private static async Task<DelegatedSignIn> CreateWithoutSecretAsync(TokenServiceFixture gatehouse, string name, string[] create, string redirectUri, bool consent)
    {
        var app = await GatehouseCli.JsonAsync(gatehouse.Store, create);
        var appId = app.GetProperty("appId").GetString()!;
        await GatehouseCli.JsonAsync(gatehouse.Store, "app", "permission", "add", "--app", appId, "--api", "Microsoft Graph", "--permission", "User.Read", "--type", "Delegated");
        if (consent)
        {
            await GatehouseCli.JsonAsync(gatehouse.Store, "app", "consent", "--app", appId);
        }

        var (upn, password) = await CreateUserAsync(gatehouse, name, role: null);
        return new DelegatedSignIn(gatehouse, new RegisteredClient(appId, "", ""), upn, password, redirectUri);
    }

    public static (string Verifier, string Challenge) NewPkce()
    {
        var verifier = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        return (verifier, Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))));
    }

    public string AuthorizeUrl(
        string? challenge, string scope = "openid profile offline_access User.Read", string? redirectUri = null, string state = "s1", string tenant = TokenServiceFixture.TenantId) =>
        $"/{tenant}/oauth2/v2.0/authorize?client_id={Client.AppId}&response_type=code"
        + $"&redirect_uri={Uri.EscapeDataString(redirectUri ?? Redirect)}&scope={Uri.EscapeDataString(scope)}&state={state}&nonce=n1"
        + (challenge is null ? "" : $"&code_challenge={challenge}&code_challenge_method=S256");

    public Task<HttpResponseMessage> GetAsync(string url) => browser.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);

    /// <summary>Signs in through /signin (following the authorize endpoint's redirect there) and returns the authorize endpoint's final answer.</summary>
    public async Task<HttpResponseMessage> AuthorizeAsync(string authorizeUrl)
    {
        var response = await GetAsync(authorizeUrl);
        if (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.StartsWith("/signin", StringComparison.Ordinal))
        {
            var posted = await SignInAtAsync(response.Headers.Location.OriginalString);
            response = await GetAsync(posted.Headers.Location!.OriginalString);
        }

        return response;
    }

    /// <summary>Opens one of the server's pages as the browser would: following its local redirects and signing in when sent to /signin.</summary>
    public async Task<(HttpResponseMessage Response, string Html)> OpenPageAsync(string url)
    {
        var response = await GetAsync(url);
        for (var hops = 0; response.StatusCode == HttpStatusCode.Redirect && Local(response.Headers.Location!) is { } location && hops < 8; hops++)
        {
            response = location.StartsWith("/signin", StringComparison.Ordinal)
                ? await GetAsync((await SignInAtAsync(location)).Headers.Location!.OriginalString)
                : await GetAsync(location);
        }

        return (response, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    /// <summary>
    /// Signs in where the request sends the person, accepts the consent page it shows (with "Consent on behalf of your
    /// organization" ticked if <paramref name="forOrganization"/>) and returns the authorize endpoint's final answer and the consent page.
    /// </summary>
    public async Task<(HttpResponseMessage Response, string ConsentPage)> ConsentAsync(string authorizeUrl, bool forOrganization = false)
    {
        var (page, html) = await OpenPageAsync(authorizeUrl);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.StartsWith("/consent?", page.RequestMessage!.RequestUri!.PathAndQuery, StringComparison.Ordinal);
        var fields = HiddenFields(html);
        if (forOrganization)
        {
            fields["ForOrganization"] = "true";
        }

        var accepted = await SubmitAsync(page.RequestMessage.RequestUri.PathAndQuery + "&handler=Accept", html, fields);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        return (await GetAsync(accepted.Headers.Location!.OriginalString), html);
    }

    /// <summary>A page's hidden form fields but the antiforgery token, as the browser would post them.</summary>
    public static Dictionary<string, string> HiddenFields(string html) =>
        HiddenField().Matches(html)
            .Where(m => m.Groups[1].Value != "__RequestVerificationToken")
            .ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Value));

    /// <summary>Posts a form of a page the browser holds, with the antiforgery token the page carries.</summary>
    public Task<HttpResponseMessage> SubmitAsync(string url, string pageHtml, IReadOnlyDictionary<string, string> fields)
    {
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = AntiforgeryToken().Match(pageHtml).Groups[1].Value };
        return browser.PostAsync(new Uri(url, UriKind.Relative), new FormUrlEncodedContent(form), TestContext.Current.CancellationToken);
    }

    /// <summary>A redirect to this server (relative, or absolute on its own origin) as a path and query; null for anywhere else.</summary>
    private string? Local(Uri location) =>
        !location.IsAbsoluteUri ? location.OriginalString
        : location.GetLeftPart(UriPartial.Authority) == Gatehouse.Server.BaseAddress.GetLeftPart(UriPartial.Authority) ? location.PathAndQuery
        : null;

    private async Task<HttpResponseMessage> SignInAtAsync(string signInUrl)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var form = await browser.GetStringAsync(new Uri(signInUrl, UriKind.Relative), cancellationToken);
        var posted = await SubmitAsync(signInUrl, form, new Dictionary<string, string> { ["Username"] = Upn, ["Password"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        return posted;
    }

    /// <summary>Signs in and returns the code the authorize endpoint sent to the redirect URI.</summary>
    public async Task<string> GetCodeAsync(string challenge)
    {
        var response = await AuthorizeAsync(AuthorizeUrl(challenge));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.StartsWith(Redirect + "?", location.OriginalString, StringComparison.Ordinal);
        return Query(location)["code"];
    }

    public Task<HttpResponseMessage> RedeemAsync(
        string code, string verifier, string? redirectUri = null, string tenant = TokenServiceFixture.TenantId, string? origin = null)
    {
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["client_id"] = Client.AppId,
            ["code"] = code,
            ["redirect_uri"] = redirectUri ?? Redirect,
            ["code_verifier"] = verifier,
            ["scope"] = "openid profile offline_access User.Read",
            ["client_info"] = "1",
        };
        if (Client.Secret.Length > 0)
        {
            form["client_secret"] = Client.Secret;
        }

        return Gatehouse.PostTokenAsync(tenant, form, origin: origin);
    }

    public static Dictionary<string, string> Query(Uri location) => Parameters(location.Query.TrimStart('?'));

    /// <summary>The parameters of a redirect's fragment (response_mode=fragment).</summary>
    public static Dictionary<string, string> Fragment(Uri location) => Parameters(location.Fragment.TrimStart('#'));

    private static Dictionary<string, string> Parameters(string encoded) =>
        encoded.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .ToDictionary(p => Uri.UnescapeDataString(p[0]), p => Uri.UnescapeDataString(p.Length > 1 ? p[1] : ""));

    public void Dispose() => browser.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"")]
    private static partial Regex HiddenField();
}
