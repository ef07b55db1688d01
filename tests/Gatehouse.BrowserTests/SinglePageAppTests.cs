using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Gatehouse.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Gatehouse.BrowserTests;

/// <summary>
/// A single-page app on another site (http://localhost) signs in through Gatehouse with @azure/msal-browser, as it
/// signs in through Entra: redirect and popup sign-in, refresh when the access token expires, silent renewal in a
/// hidden iframe, Graph from the page, sign-out; and what Gatehouse refuses a page. No request leaves loopback.
/// </summary>
public sealed class SinglePageAppTests(SpaFixture spa) : BrowserTest(spa.Browser), IClassFixture<SpaFixture>
{
    private readonly ConcurrentQueue<string> offLoopback = new();
    private IPage? app;

    /// <summary>The page the SPA runs in: the test's own, or one in a profile of the test's choosing.</summary>
    private IPage App => app ?? Page;

    [Fact]
    public async Task LoginRedirect_signs_in_on_the_sign_in_page_and_returns_to_the_app_with_the_users_account_and_ID_token()
    {
        await OpenAsync(spa.SpaClientId);

        var result = await LoginRedirectAsync();

        Assert.Equal(SpaFixture.Upn, result.GetProperty("username").GetString());
        Assert.Equal(SpaFixture.DisplayName, result.GetProperty("name").GetString());
        var claims = result.GetProperty("idTokenClaims");
        Assert.Equal(spa.SpaClientId, claims.GetProperty("aud").GetString());
        Assert.Equal(SpaFixture.Upn, claims.GetProperty("preferred_username").GetString());
        Assert.Equal(BrowserFixture.TenantId, claims.GetProperty("tid").GetString());
        Assert.Equal(spa.Spa.Origin + "/", Page.Url);
        AssertStayedOnLoopback();
    }

    [Fact]
    public async Task LoginPopup_signs_in_in_a_popup_and_the_page_calls_Graph_me_and_me_events_with_the_access_token()
    {
        await OpenAsync(spa.SpaClientId);
        var popupOpened = Page.WaitForPopupAsync();
        var signingIn = CallAsync("loginPopup");
        var popup = await popupOpened;
        await Expect(popup.GetByRole(AriaRole.Heading, new() { Name = "Sign in", Exact = true })).ToBeVisibleAsync();
        await FillSignInAsync(popup);

        var result = Succeeded(await signingIn);

        Assert.Equal(SpaFixture.Upn, result.GetProperty("username").GetString());
        Assert.True(popup.IsClosed);
        var accessToken = result.GetProperty("accessToken").GetString();
        var me = await GraphAsync("/v1.0/me", accessToken);
        Assert.Equal(SpaFixture.DisplayName, me.GetProperty("displayName").GetString());
        Assert.Equal(SpaFixture.Upn, me.GetProperty("userPrincipalName").GetString());
        var events = await GraphAsync("/v1.0/me/events?$select=subject", accessToken);
        Assert.Contains(SpaFixture.EventSubject, events.GetProperty("value").EnumerateArray().Select(e => e.GetProperty("subject").GetString()));
        AssertStayedOnLoopback();
    }

    [Fact]
    public async Task AcquireTokenSilent_after_the_access_token_expires_redeems_the_refresh_token_across_origins()
    {
        await Page.Clock.InstallAsync();
        await OpenAsync(spa.SpaClientId);
        var first = await LoginRedirectAsync();
        var cached = Succeeded(await CallAsync("acquireTokenSilent"));
        Assert.True(cached.GetProperty("fromCache").GetBoolean());

        // Past the expiry: msal renews within five minutes of it, so just past it is certainly renewal time.
        var now = await Page.EvaluateAsync<double>("() => Date.now()");
        await Page.Clock.FastForwardAsync((long)(first.GetProperty("expiresOn").GetDouble() - now) + 60_000);
        var redemption = Page.WaitForResponseAsync(r => r.Url.StartsWith(spa.TokenEndpoint, StringComparison.Ordinal) && r.Request.Method == "POST");
        var renewed = Succeeded(await CallAsync("acquireTokenSilent"));

        var response = await redemption;
        Assert.Contains("grant_type=refresh_token", response.Request.PostData, StringComparison.Ordinal);
        Assert.Equal(spa.Spa.Origin, await response.HeaderValueAsync("access-control-allow-origin"));
        Assert.Equal(200, response.Status);
        Assert.False(renewed.GetProperty("fromCache").GetBoolean());
        Assert.NotEqual(first.GetProperty("accessToken").GetString(), renewed.GetProperty("accessToken").GetString());
        Assert.True(renewed.GetProperty("expiresOn").GetDouble() > await Page.EvaluateAsync<double>("() => Date.now()"));
        AssertStayedOnLoopback();
    }

    [Fact]
    public async Task SsoSilent_renews_in_a_hidden_iframe_with_the_session_cookie_where_third_party_cookies_are_allowed()
    {
        var context = await spa.ThirdPartyCookiesContextAsync();
        try
        {
            app = context.Pages.Count > 0 ? context.Pages[0] : await context.NewPageAsync();
            await OpenAsync(spa.SpaClientId);
            await LoginRedirectAsync();
            var silentRequests = new ConcurrentQueue<IRequest>();
            app.Request += (_, request) =>
            {
                if (request.Url.Contains("prompt=none", StringComparison.Ordinal))
                {
                    silentRequests.Enqueue(request);
                }
            };

            var result = Succeeded(await CallAsync("ssoSilent"));

            Assert.Equal(SpaFixture.Upn, result.GetProperty("username").GetString());
            Assert.False(result.GetProperty("fromCache").GetBoolean());
            var silent = Assert.Single(silentRequests);
            Assert.NotSame(app.MainFrame, silent.Frame);
            Assert.Contains("/oauth2/v2.0/authorize", silent.Url, StringComparison.Ordinal);
            Assert.Contains("gatehouse.session=", await silent.HeaderValueAsync("cookie"), StringComparison.Ordinal);
            AssertStayedOnLoopback();
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    [Fact]
    public async Task SsoSilent_without_a_session_is_login_required_and_the_sign_in_page_refuses_to_render_in_a_frame()
    {
        await OpenAsync(spa.SpaClientId);

        var error = Failed(await CallAsync("ssoSilent"));

        Assert.Equal("InteractionRequiredAuthError", error.GetProperty("name").GetString());
        Assert.Equal("login_required", error.GetProperty("errorCode").GetString());
        Assert.Contains("AADSTS50058", error.GetProperty("message").GetString(), StringComparison.Ordinal);

        // The sign-in page is fetched but not shown: its headers forbid any frame.
        var signInPage = Page.WaitForResponseAsync(r => r.Url.StartsWith($"{spa.Browser.BaseUrl}/signin", StringComparison.Ordinal));
        await Page.EvaluateAsync(
            "url => new Promise(loaded => { const frame = document.createElement('iframe'); frame.onload = loaded; frame.src = url; document.body.append(frame); })",
            $"{spa.Browser.BaseUrl}/signin");
        var response = await signInPage;
        Assert.Equal(200, response.Status);
        Assert.Contains("frame-ancestors 'none'", await response.HeaderValueAsync("content-security-policy"), StringComparison.Ordinal);
        Assert.Equal("DENY", await response.HeaderValueAsync("x-frame-options"));
        var frame = Assert.Single(Page.Frames, f => f != Page.MainFrame);
        Assert.DoesNotContain("/signin", frame.Url, StringComparison.Ordinal);
        await Expect(Page.FrameLocator("iframe").GetByLabel("Password")).ToHaveCountAsync(0);
        AssertStayedOnLoopback();
    }

    [Fact]
    public async Task LogoutRedirect_with_msals_defaults_ends_the_session_and_returns_to_the_app_where_ssoSilent_is_then_login_required()
    {
        await OpenAsync(spa.SpaClientId);
        await LoginRedirectAsync();

        var signOut = Page.WaitForRequestAsync(r => r.Url.StartsWith($"{spa.Authority}/oauth2/v2.0/logout?", StringComparison.Ordinal));
        await Page.EvaluateAsync("() => { window.signingOut = true; window.spa.logoutRedirect(); }");
        Assert.DoesNotContain("id_token_hint=", (await signOut).Url, StringComparison.Ordinal);
        await Page.WaitForFunctionAsync("() => window.spa && !window.signingOut");
        Assert.StartsWith(spa.Spa.Origin + "/", Page.Url, StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, (await ReadyAsync()).ValueKind);

        Assert.Empty(await Page.EvaluateAsync<string[]>("() => window.spa.accounts()"));
        var error = Failed(await CallAsync("ssoSilent"));
        Assert.Equal("login_required", error.GetProperty("errorCode").GetString());
        AssertStayedOnLoopback();
    }

    [Fact]
    public async Task A_redirect_URI_registered_as_web_rather_than_spa_is_refused_with_AADSTS9002326()
    {
        await OpenAsync(spa.WebClientId);
        await Page.EvaluateAsync("() => { window.spa.loginRedirect(); }");
        await FillSignInAsync(Page);
        await Page.WaitForURLAsync(spa.Spa.Origin + "/**");

        var error = Failed(await ReadyAsync());

        Assert.Equal("ServerError", error.GetProperty("name").GetString());
        Assert.Equal("invalid_request", error.GetProperty("errorCode").GetString());
        Assert.Contains("AADSTS9002326", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains(spa.Spa.Origin, error.GetProperty("message").GetString(), StringComparison.Ordinal);
        AssertStayedOnLoopback();
    }

    [Fact]
    public async Task A_page_on_an_unregistered_origin_redeeming_the_SPAs_code_gets_no_CORS_header_and_cannot_read_the_tokens()
    {
        await OpenAsync(spa.SpaClientId, spa.Spa.OtherOrigin);
        var verifier = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        await Page.GotoAsync($"{spa.Authority}/oauth2/v2.0/authorize?client_id={spa.SpaClientId}&response_type=code&response_mode=query"
            + $"&redirect_uri={Uri.EscapeDataString(spa.Spa.Origin)}&scope=User.Read&code_challenge={challenge}&code_challenge_method=S256");
        await FillSignInAsync(Page);
        await Page.WaitForURLAsync(spa.Spa.Origin + "/?code=**");
        var code = Uri.UnescapeDataString(new Uri(Page.Url).Query.TrimStart('?').Split('&').Single(p => p.StartsWith("code=", StringComparison.Ordinal))[5..]);

        await Page.GotoAsync(spa.Spa.OtherOrigin + "/");
        var redemption = await RawResponseAsync(spa.TokenEndpoint);
        var fetched = await Page.EvaluateAsync<string>(
            """
            async ([url, form]) => {
              try { await fetch(url, { method: "POST", body: new URLSearchParams(form) }); return "read"; }
              catch (error) { return error.name; }
            }
            """,
            new object[]
            {
                spa.TokenEndpoint,
                new Dictionary<string, string>
                {
                    ["client_id"] = spa.SpaClientId,
                    ["grant_type"] = "authorization_code",
                    ["code"] = code,
                    ["redirect_uri"] = spa.Spa.Origin,
                    ["code_verifier"] = verifier,
                    ["scope"] = "User.Read",
                },
            });

        var (status, headers) = await redemption.WaitAsync(TimeSpan.FromSeconds(15), TestContext.Current.CancellationToken);
        Assert.Equal("TypeError", fetched);
        Assert.Equal(200, status);
        Assert.DoesNotContain(headers, h => h.Key.Equals("access-control-allow-origin", StringComparison.OrdinalIgnoreCase));
        AssertStayedOnLoopback();
    }

    /// <summary>
    /// The status and headers of the next POST to <paramref name="url"/> as they came off the wire, through the
    /// DevTools protocol: Playwright reports no response for a request the browser failed for want of CORS headers.
    /// </summary>
    private async Task<Task<(int Status, Dictionary<string, string> Headers)>> RawResponseAsync(string url)
    {
        var cdp = await Context.NewCDPSessionAsync(Page);
        var requestIds = new ConcurrentDictionary<string, bool>();
        var answered = new TaskCompletionSource<(int, Dictionary<string, string>)>(TaskCreationOptions.RunContinuationsAsynchronously);
        cdp.Event("Network.requestWillBeSent").OnEvent += (_, e) =>
        {
            if (e is { } sent && sent.GetProperty("request").GetProperty("url").GetString() == url && sent.GetProperty("request").GetProperty("method").GetString() == "POST")
            {
                requestIds[sent.GetProperty("requestId").GetString()!] = true;
            }
        };
        cdp.Event("Network.responseReceivedExtraInfo").OnEvent += (_, e) =>
        {
            if (e is { } received && requestIds.ContainsKey(received.GetProperty("requestId").GetString()!))
            {
                answered.TrySetResult((
                    received.GetProperty("statusCode").GetInt32(),
                    received.GetProperty("headers").EnumerateObject().ToDictionary(h => h.Name, h => h.Value.GetString() ?? "")));
            }
        };
        await cdp.SendAsync("Network.enable");
        return answered.Task;
    }

    /// <summary>Opens the SPA's page on <paramref name="origin"/> (the registered one by default) as the app <paramref name="clientId"/>.</summary>
    private async Task OpenAsync(string clientId, string? origin = null)
    {
        await App.Context.RouteAsync("**/*", async route =>
        {
            if (IsLoopback(route.Request.Url))
            {
                await route.ContinueAsync();
            }
            else
            {
                offLoopback.Enqueue(route.Request.Url);
                await route.AbortAsync();
            }
        });

        // A redirect's next request is not handed to the route: every request is also watched.
        App.Context.Request += (_, request) =>
        {
            if (!IsLoopback(request.Url))
            {
                offLoopback.Enqueue(request.Url);
            }
        };
        var output = TestContext.Current.TestOutputHelper;
        App.Context.Console += (_, message) => output?.WriteLine($"console {message.Type}: {message.Text}");
        await App.Context.AddInitScriptAsync(spa.Settings(clientId));
        await App.GotoAsync((origin ?? spa.Spa.Origin) + "/");
        var ready = await ReadyAsync();
        Assert.Equal(JsonValueKind.Null, ready.ValueKind);
    }

    /// <summary>What handleRedirectPromise answered on the page now open: null, a result or an error.</summary>
    private Task<JsonElement> ReadyAsync() => App.EvaluateAsync<JsonElement>("() => window.spa.ready");

    private Task<JsonElement> CallAsync(string method) => App.EvaluateAsync<JsonElement>($"() => window.spa.{method}()");

    private async Task<JsonElement> LoginRedirectAsync()
    {
        await App.EvaluateAsync("() => { window.spa.loginRedirect(); }");
        await FillSignInAsync(App);
        await App.WaitForURLAsync(spa.Spa.Origin + "/**");
        return Succeeded(await ReadyAsync());
    }

    /// <summary>Signs in on the sign-in page <paramref name="page"/> shows; what follows is the flow's (a popup closes at once).</summary>
    private async Task FillSignInAsync(IPage page)
    {
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in", Exact = true })).ToBeVisibleAsync();
        await page.GetByLabel("Email or username", new() { Exact = true }).FillAsync(SpaFixture.Upn);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(spa.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
    }

    private async Task<JsonElement> GraphAsync(string path, string? accessToken)
    {
        var answer = await Page.EvaluateAsync<JsonElement>("([url, token]) => window.spa.graph(url, token)", new[] { spa.Browser.BaseUrl + path, accessToken });
        Assert.True(answer.GetProperty("status").GetInt32() == 200, answer.ToString());
        return answer.GetProperty("body");
    }

    private static JsonElement Succeeded(JsonElement result)
    {
        Assert.True(result.ValueKind == JsonValueKind.Object && !result.TryGetProperty("error", out _), result.ToString());
        return result;
    }

    private static JsonElement Failed(JsonElement result)
    {
        Assert.True(result.ValueKind == JsonValueKind.Object && result.TryGetProperty("error", out _), result.ToString());
        return result.GetProperty("error");
    }

    private void AssertStayedOnLoopback() => Assert.Empty(offLoopback);

    private static bool IsLoopback(string url) =>
        !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is "data" or "about" or "blob" || uri.IsLoopback;
}
