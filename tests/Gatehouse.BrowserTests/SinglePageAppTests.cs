using System.Collections.Concurrent;
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

    /// <summary>Opens the SPA's page on <paramref name="origin"/> (the registered one by default) as the app <paramref name="clientId"/>.</summary>
    private async Task OpenAsync(string clientId, string? origin = null)
    {
        await Context.RouteAsync("**/*", async route =>
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
        Context.Request += (_, request) =>
        {
            if (!IsLoopback(request.Url))
            {
                offLoopback.Enqueue(request.Url);
            }
        };
        var output = TestContext.Current.TestOutputHelper;
        Context.Console += (_, message) => output?.WriteLine($"console {message.Type}: {message.Text}");
        await Context.AddInitScriptAsync(spa.Settings(clientId));
        await Page.GotoAsync((origin ?? spa.Spa.Origin) + "/");
        var ready = await ReadyAsync();
        Assert.Equal(JsonValueKind.Null, ready.ValueKind);
    }

    /// <summary>What handleRedirectPromise answered on the page now open: null, a result or an error.</summary>
    private Task<JsonElement> ReadyAsync() => Page.EvaluateAsync<JsonElement>("() => window.spa.ready");

    private Task<JsonElement> CallAsync(string method) => Page.EvaluateAsync<JsonElement>($"() => window.spa.{method}()");

    private async Task<JsonElement> LoginRedirectAsync()
    {
        await Page.EvaluateAsync("() => { window.spa.loginRedirect(); }");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Sign in", Exact = true })).ToBeVisibleAsync();
        await BrowserFixture.SignInAsync(Page, SpaFixture.Upn, spa.Password);
        await Page.WaitForURLAsync(spa.Spa.Origin + "/**");
        return Succeeded(await ReadyAsync());
    }

    private static JsonElement Succeeded(JsonElement result)
    {
        Assert.True(result.ValueKind == JsonValueKind.Object && !result.TryGetProperty("error", out _), result.ToString());
        return result;
    }

    private void AssertStayedOnLoopback() => Assert.Empty(offLoopback);

    private static bool IsLoopback(string url) =>
        !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is "data" or "about" or "blob" || uri.IsLoopback;
}
