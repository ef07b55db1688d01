using System.Net;
using System.Security.Cryptography;
using Gatehouse.BrowserTests.Infrastructure;
using Gatehouse.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Gatehouse.BrowserTests;

/// <summary>
/// Single sign-out in chromium: an administrator sets the app's front-channel logout URL on its Authentication blade,
/// a person signs in to the app, and signing out loads that URL (on a loopback listener of the test's own) with the
/// session's sid before the browser goes on to the app's post_logout_redirect_uri.
/// </summary>
public sealed class FrontChannelLogoutTests(BrowserFixture fixture) : BrowserTest(fixture), IClassFixture<BrowserFixture>
{
    private const string RedirectUri = "https://localhost/callback";

    [Fact]
    public async Task Signing_out_loads_the_apps_front_channel_logout_url_with_the_sid_then_returns_to_the_app()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var appLogout = new FrontChannelListener();
        var app = await GatehouseCli.JsonAsync(Fixture.Store, "app", "create", "--name", "single-sign-out", "--redirect-uri", RedirectUri);
        var clientId = app.GetProperty("appId").GetString()!;
        await GatehouseCli.JsonAsync(Fixture.Store, "app", "permission", "add", "--app", clientId, "--api", "Microsoft Graph", "--permission", "User.Read", "--type", "Delegated");
        await GatehouseCli.JsonAsync(Fixture.Store, "app", "consent", "--app", clientId);
        var upn = $"sso-{Guid.NewGuid():N}"[..16] + "@contoso.onmicrosoft.com";
        var password = $"Gh-{RandomNumberGenerator.GetHexString(24, lowercase: true)}-Q7";
        await GatehouseCli.JsonAsync(Fixture.Store, "user", "create", "--upn", upn, "--password", password, "--display-name", "Single Sign-out");
        await SetLogoutUrlInThePortalAsync(app.GetProperty("id").GetString()!, appLogout.Url + "front-channel");

        var arrivals = new List<string>();
        await Page.RouteAsync(RedirectUri + "**", async route =>
        {
            lock (arrivals)
            {
                arrivals.Add(route.Request.Url);
            }

            await route.FulfillAsync(new() { Status = 200, ContentType = "text/plain", Body = "The app." });
        });
        var challenge = Convert.ToBase64String(SHA256.HashData(RandomNumberGenerator.GetBytes(32))).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        await Page.GotoAsync($"/{BrowserFixture.TenantId}/oauth2/v2.0/authorize?client_id={clientId}&response_type=code&redirect_uri={Uri.EscapeDataString(RedirectUri)}"
            + $"&scope=openid%20User.Read&state=in&code_challenge={challenge}&code_challenge_method=S256");
        await BrowserFixture.SignInAsync(Page, upn, password);
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("^https://localhost/callback\\?code="));

        await Page.GotoAsync($"/{BrowserFixture.TenantId}/oauth2/v2.0/logout?client_id={clientId}&post_logout_redirect_uri={Uri.EscapeDataString(RedirectUri)}&state=out");
        await Expect(Page).ToHaveURLAsync(RedirectUri + "?state=out");

        var frontChannel = await appLogout.Request.Task.WaitAsync(TimeSpan.FromSeconds(15), cancellationToken);
        Assert.Equal("/front-channel", frontChannel.AbsolutePath);
        Assert.Matches("^\\?sid=[0-9a-f-]{36}$", frontChannel.Query);
        lock (arrivals)
        {
            Assert.Equal(RedirectUri + "?state=out", arrivals[^1]);
        }
    }

    /// <summary>Authentication's "Front-channel logout URL", saved by the first administrator in a browser of their own.</summary>
    private async Task SetLogoutUrlInThePortalAsync(string objectId, string logoutUrl)
    {
        var admin = await Fixture.NewContextAsync();
        try
        {
            var page = await admin.NewPageAsync();
            await Fixture.SignInAsAdminAsync(page);
            await page.GotoAsync($"/applications/{objectId}/authentication");
            await page.GetByLabel("Front-channel logout URL", new() { Exact = true }).FillAsync(logoutUrl);
            await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
            await Expect(page.GetByLabel("Front-channel logout URL", new() { Exact = true })).ToHaveValueAsync(logoutUrl);
        }
        finally
        {
            await admin.CloseAsync();
        }
    }

    /// <summary>The app's logout URL: a plain HTTP listener on a loopback port that answers 200 and keeps the first request's URL.</summary>
    private sealed class FrontChannelListener : IAsyncDisposable
    {
        private readonly HttpListener listener = new();
        private readonly Task loop;

        public FrontChannelListener()
        {
            Url = $"http://127.0.0.1:{LoopbackPort.Free()}/";
            listener.Prefixes.Add(Url);
            listener.Start();
            loop = Task.Run(ServeAsync);
        }

        public string Url { get; }

        public TaskCompletionSource<Uri> Request { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async ValueTask DisposeAsync()
        {
            listener.Close();
            await loop;
        }

        private async Task ServeAsync()
        {
            while (listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await listener.GetContextAsync();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
                {
                    return;
                }

                Request.TrySetResult(context.Request.Url!);
                context.Response.StatusCode = 200;
                context.Response.Close();
            }
        }
    }
}
