using System.Security.Cryptography;
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

        using var http = new TrustingMsalHttpClientFactory(GatehouseProcess.TrustingHandler(Fixture.Store.DataFolder));
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
}
