using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Gatehouse.BrowserTests.Infrastructure;
using Gatehouse.Tests.Infrastructure;
using Microsoft.Identity.Client;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Gatehouse.BrowserTests;

/// <summary>
/// The authorization-code flow as a connector runs it: MSAL.NET builds the authorize URL (with PKCE), a person signs
/// in on the portal's sign-in page and consents in chromium, the app catches the code at its redirect URI and MSAL
/// redeems it, then refreshes silently through the refresh token.
/// </summary>
public sealed class DelegatedSignInTests(BrowserFixture fixture) : BrowserTest(fixture), IClassFixture<BrowserFixture>
{
    private const string RedirectUri = "https://localhost/callback";
    private static readonly string[] Scopes = ["User.Read"];

    [Fact]
    public async Task MSAL_authorize_url_sign_in_and_consent_in_the_browser_then_code_redemption_and_silent_refresh()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var app = await GatehouseCli.JsonAsync(Fixture.Store, "app", "create", "--name", "connector-instance", "--redirect-uri", RedirectUri);
        var clientId = app.GetProperty("appId").GetString()!;
        var secret = (await GatehouseCli.JsonAsync(Fixture.Store, "app", "secret", "add", "--app", clientId, "--expires", "never")).GetProperty("secretText").GetString()!;
        await GatehouseCli.JsonAsync(Fixture.Store, "app", "permission", "add", "--app", clientId, "--api", "Microsoft Graph", "--permission", "User.Read", "--type", "Delegated");
        var upn = "adele@contoso.onmicrosoft.com";
        var password = $"Gh-{RandomNumberGenerator.GetHexString(24, lowercase: true)}-Q7";
        await GatehouseCli.JsonAsync(Fixture.Store, "user", "create", "--upn", upn, "--password", password, "--display-name", "Adele Vance");

        using var http = new TrustingMsalHttpClientFactory(Fixture.Server.Pin.CreateHandler());
        var msal = ConfidentialClientApplicationBuilder.Create(clientId)
            .WithAuthority($"{Fixture.BaseUrl}/{BrowserFixture.TenantId}", validateAuthority: false)
            .WithInstanceDiscovery(false)
            .WithClientSecret(secret)
            .WithRedirectUri(RedirectUri)
            .WithHttpClientFactory(http)
            .Build();
        var authorizeUrl = await msal.GetAuthorizationRequestUrl(Scopes).WithPkce(out var verifier).ExecuteAsync(cancellationToken);

        // The app's redirect URI is not served by anyone: the browser's request to it is caught and answered here.
        var redirected = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        await Page.RouteAsync("https://localhost/callback**", async route =>
        {
            redirected.TrySetResult(route.Request.Url);
            await route.FulfillAsync(new() { Status = 200, ContentType = "text/plain", Body = "Signed in." });
        });

        await Page.GotoAsync(authorizeUrl.ToString());
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Sign in", Exact = true })).ToBeVisibleAsync();
        await BrowserFixture.SignInAsync(Page, upn, password);
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Permissions requested", Exact = true })).ToBeVisibleAsync();
        await Expect(Page.GetByTestId("requested-permissions")).ToContainTextAsync("Sign you in and read your profile");
        await ScreenshotAsync("permissions-requested");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Accept", Exact = true }).ClickAsync();

        var callback = new Uri(await redirected.Task.WaitAsync(TimeSpan.FromSeconds(15), cancellationToken));
        var query = callback.Query.TrimStart('?').Split('&').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => Uri.UnescapeDataString(p[1]));
        Assert.False(query.ContainsKey("error"), callback.ToString());

        var result = await msal.AcquireTokenByAuthorizationCode(Scopes, query["code"]).WithPkceCodeVerifier(verifier).ExecuteAsync(cancellationToken);

        var access = new JsonWebToken(result.AccessToken);
        Assert.Contains("User.Read", access.GetClaim("scp").Value.Split(' '));
        Assert.Equal(upn, access.GetClaim("upn").Value);
        Assert.Equal(upn, result.Account.Username);

        // The ID token validates as any OpenID Connect relying party would check it: keys and issuer from discovery.
        var discovery = new ConfigurationManager<OpenIdConnectConfiguration>(
            $"{Fixture.BaseUrl}/{BrowserFixture.TenantId}/v2.0/.well-known/openid-configuration",
            new OpenIdConnectConfigurationRetriever(),
            new HttpDocumentRetriever(http.GetHttpClient()));
        var configuration = await discovery.GetConfigurationAsync(cancellationToken);
        var validation = await new JsonWebTokenHandler().ValidateTokenAsync(result.IdToken, new TokenValidationParameters
        {
            ValidIssuer = configuration.Issuer,
            ValidAudience = clientId,
            IssuerSigningKeys = configuration.SigningKeys,
        });
        Assert.True(validation.IsValid, validation.Exception?.Message);
        Assert.Equal("Adele Vance", validation.Claims["name"]);

        // The refresh token: a new access token without the browser.
        var refreshed = await msal.AcquireTokenSilent(Scopes, result.Account).WithForceRefresh(true).ExecuteAsync(cancellationToken);

        Assert.Equal(TokenSource.IdentityProvider, refreshed.AuthenticationResultMetadata.TokenSource);
        Assert.NotEqual(result.AccessToken, refreshed.AccessToken);
        Assert.Contains("User.Read", new JsonWebToken(refreshed.AccessToken).GetClaim("scp").Value.Split(' '));
    }

    [Fact]
    public async Task Cancel_on_the_consent_page_sends_access_denied_to_the_app_and_stores_no_grant()
    {
        var (clientId, upn, password) = await RegisterAsync("cancel-consent", "grace");
        var callback = await CatchRedirectAsync();

        await Page.GotoAsync(AuthorizeUrl(clientId, "openid User.Read"));
        await BrowserFixture.SignInAsync(Page, upn, password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Cancel", Exact = true }).ClickAsync();

        var answer = Query(await callback.Task.WaitAsync(TimeSpan.FromSeconds(15), TestContext.Current.CancellationToken));
        Assert.Equal("access_denied", answer["error"]);
        Assert.StartsWith("AADSTS65004", answer["error_description"], StringComparison.Ordinal);
        Assert.Equal("st", answer["state"]);

        // Nothing was granted: the next request, in a fresh tab of the same session, asks again.
        var next = await Context.NewPageAsync();
        await next.GotoAsync(AuthorizeUrl(clientId, "openid User.Read"));
        await Expect(next.GetByRole(AriaRole.Heading, new() { Name = "Permissions requested", Exact = true })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task An_admin_only_scope_stops_a_non_administrator_at_Need_admin_approval_with_AADSTS90094()
    {
        var (clientId, upn, password) = await RegisterAsync("admin-only", "henrietta");
        var callback = await CatchRedirectAsync();

        await Page.GotoAsync(AuthorizeUrl(clientId, "openid User.Read.All"));
        await BrowserFixture.SignInAsync(Page, upn, password);
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Need admin approval", Exact = true })).ToBeVisibleAsync();
        await Expect(Page.GetByTestId("requested-permissions")).ToContainTextAsync("Read all users' full profiles");
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Accept", Exact = true })).ToHaveCountAsync(0);
        await ScreenshotAsync("need-admin-approval");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Return to the application without granting consent", Exact = true }).ClickAsync();

        var answer = Query(await callback.Task.WaitAsync(TimeSpan.FromSeconds(15), TestContext.Current.CancellationToken));
        Assert.Equal("access_denied", answer["error"]);
        Assert.StartsWith("AADSTS90094", answer["error_description"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Consent_once_given_is_not_asked_again_and_prompt_none_then_returns_a_code()
    {
        var (clientId, upn, password) = await RegisterAsync("consent-once", "isaiah");
        var redirects = System.Threading.Channels.Channel.CreateUnbounded<string>();
        await Page.RouteAsync("https://localhost/callback**", async route =>
        {
            redirects.Writer.TryWrite(route.Request.Url);
            await route.FulfillAsync(new() { Status = 200, ContentType = "text/plain", Body = "Back in the app." });
        });
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));

        await Page.GotoAsync(AuthorizeUrl(clientId, "openid User.Read"));
        await BrowserFixture.SignInAsync(Page, upn, password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Accept", Exact = true }).ClickAsync();
        Assert.True(Query(await redirects.Reader.ReadAsync(timeout.Token)).ContainsKey("code"));

        // Chromium does not hand a navigation's redirect to the route, so the silent request goes through the
        // context's request API, with the browser's session cookie and without following the redirect (the request API
        // does not share the browser's certificate pin; the server is the test's own on loopback).
        var silent = await Context.APIRequest.GetAsync(AuthorizeUrl(clientId, "openid User.Read") + "&prompt=none", new() { MaxRedirects = 0, IgnoreHTTPSErrors = true });

        Assert.Equal(302, silent.Status);
        Assert.True(Query(silent.Headers["location"]).ContainsKey("code"));
    }

    [Fact]
    public async Task MSAL_public_client_device_code_flow_while_the_person_enters_the_code_at_devicelogin()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var app = await GatehouseCli.JsonAsync(Fixture.Store, "app", "create", "--name", "device-cli", "--allow-public-client-flows");
        var clientId = app.GetProperty("appId").GetString()!;
        await GatehouseCli.JsonAsync(Fixture.Store, "app", "permission", "add", "--app", clientId, "--api", "Microsoft Graph", "--permission", "User.Read", "--type", "Delegated");
        var upn = "joni@contoso.onmicrosoft.com";
        var password = $"Gh-{RandomNumberGenerator.GetHexString(24, lowercase: true)}-Q7";
        await GatehouseCli.JsonAsync(Fixture.Store, "user", "create", "--upn", upn, "--password", password, "--display-name", "Joni Sherman");

        using var http = new TrustingMsalHttpClientFactory(Fixture.Server.Pin.CreateHandler());
        var msal = PublicClientApplicationBuilder.Create(clientId)
            .WithAuthority($"{Fixture.BaseUrl}/{BrowserFixture.TenantId}", validateAuthority: false)
            .WithInstanceDiscovery(false)
            .WithHttpClientFactory(http)
            .Build();

        // MSAL shows the message and polls; meanwhile the person types the code on "another device".
        var shown = new TaskCompletionSource<DeviceCodeResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var acquiring = msal.AcquireTokenWithDeviceCode(Scopes, result =>
        {
            shown.TrySetResult(result);
            return Task.CompletedTask;
        }).ExecuteAsync(cancellationToken);
        var device = await shown.Task.WaitAsync(TimeSpan.FromSeconds(15), cancellationToken);
        Assert.Equal($"{Fixture.BaseUrl}/devicelogin", device.VerificationUrl);

        await Page.GotoAsync(device.VerificationUrl);
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Enter code", Exact = true })).ToBeVisibleAsync();
        await Page.GetByLabel("Code").FillAsync(device.UserCode);
        await ScreenshotAsync("devicelogin-enter-code");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Next", Exact = true }).ClickAsync();
        await BrowserFixture.SignInAsync(Page, upn, password);
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Permissions requested", Exact = true })).ToBeVisibleAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Accept", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Are you trying to sign in to device-cli?", Exact = true })).ToBeVisibleAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Continue", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("You have signed in to the device-cli application on your device");

        var token = await acquiring.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);

        Assert.Equal(upn, token.Account.Username);
        Assert.Equal("User.Read", new JsonWebToken(token.AccessToken).GetClaim("scp").Value);
        var silent = await msal.AcquireTokenSilent(Scopes, token.Account).WithForceRefresh(true).ExecuteAsync(cancellationToken);
        Assert.Equal(TokenSource.IdentityProvider, silent.AuthenticationResultMetadata.TokenSource);
    }

    [Fact]
    public async Task Prompt_select_account_offers_the_signed_in_account_and_login_hint_fills_in_the_sign_in_form()
    {
        var (clientId, upn, password) = await RegisterAsync("select-account", "nestor");
        await GatehouseCli.JsonAsync(Fixture.Store, "app", "permission", "add", "--app", clientId, "--api", "Microsoft Graph", "--permission", "User.Read", "--type", "Delegated");
        await GatehouseCli.JsonAsync(Fixture.Store, "app", "consent", "--app", clientId);
        var callback = await CatchRedirectAsync();

        await Page.GotoAsync(AuthorizeUrl(clientId, "openid User.Read") + "&login_hint=" + Uri.EscapeDataString(upn));
        await Expect(Page.GetByLabel("Email or username")).ToHaveValueAsync(upn);
        await BrowserFixture.SignInAsync(Page, upn, password);
        await callback.Task.WaitAsync(TimeSpan.FromSeconds(15), TestContext.Current.CancellationToken);

        var picker = await Context.NewPageAsync();
        var picked = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        await picker.RouteAsync("https://localhost/callback**", async route =>
        {
            picked.TrySetResult(route.Request.Url);
            await route.FulfillAsync(new() { Status = 200, ContentType = "text/plain", Body = "Back in the app." });
        });
        await picker.GotoAsync(AuthorizeUrl(clientId, "openid User.Read") + "&prompt=select_account");
        await Expect(picker.GetByRole(AriaRole.Heading, new() { Name = "Sign in", Exact = true })).ToBeVisibleAsync();
        await picker.GetByRole(AriaRole.Link, new() { Name = $"Continue as {upn}" }).ClickAsync();

        var answer = Query(await picked.Task.WaitAsync(TimeSpan.FromSeconds(15), TestContext.Current.CancellationToken));
        Assert.True(answer.ContainsKey("code"), string.Join('&', answer.Keys));
        Assert.Equal("st", answer["state"]);
    }

    private async Task<(string ClientId, string Upn, string Password)> RegisterAsync(string appName, string alias)
    {
        var app = await GatehouseCli.JsonAsync(Fixture.Store, "app", "create", "--name", appName, "--redirect-uri", RedirectUri);
        var clientId = app.GetProperty("appId").GetString()!;
        var upn = $"{alias}@contoso.onmicrosoft.com";
        var password = $"Gh-{RandomNumberGenerator.GetHexString(24, lowercase: true)}-Q7";
        await GatehouseCli.JsonAsync(Fixture.Store, "user", "create", "--upn", upn, "--password", password, "--display-name", alias);
        return (clientId, upn, password);
    }

    private string AuthorizeUrl(string clientId, string scope)
    {
        var challenge = Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32)))));
        return $"{Fixture.BaseUrl}/{BrowserFixture.TenantId}/oauth2/v2.0/authorize?client_id={clientId}&response_type=code"
            + $"&redirect_uri={Uri.EscapeDataString(RedirectUri)}&scope={Uri.EscapeDataString(scope)}&state=st&code_challenge={challenge}&code_challenge_method=S256";
    }

    private async Task<TaskCompletionSource<string>> CatchRedirectAsync()
    {
        var redirected = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        await Page.RouteAsync("https://localhost/callback**", async route =>
        {
            redirected.TrySetResult(route.Request.Url);
            await route.FulfillAsync(new() { Status = 200, ContentType = "text/plain", Body = "Back in the app." });
        });
        return redirected;
    }

    private static Dictionary<string, string> Query(string url) =>
        new Uri(url).Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => Uri.UnescapeDataString(p.Length > 1 ? p[1] : ""));
}
