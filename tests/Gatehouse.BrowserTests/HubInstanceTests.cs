using System.Security.Cryptography;
using Gatehouse.BrowserTests.Infrastructure;
using Gatehouse.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Gatehouse.BrowserTests;

/// <summary>
/// The seed document's last step in a browser: the hub's oauth/url opens Gatehouse's sign-in and consent pages, the
/// callback's code becomes an Office 365 instance authenticated with the app's API key and secret.
/// </summary>
public sealed class HubInstanceTests(BrowserFixture fixture) : BrowserTest(fixture), IClassFixture<BrowserFixture>
{
    private const string CallbackUrl = "https://localhost/callback";

    [Fact]
    public async Task The_oauth_url_signs_the_user_in_and_asks_consent_and_its_code_becomes_a_healthy_instance()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var app = await GatehouseCli.JsonAsync(Fixture.Store, "app", "create", "--name", "myCoolInstance", "--redirect-uri", CallbackUrl);
        var apiKey = app.GetProperty("appId").GetString()!;
        var apiSecret = (await GatehouseCli.JsonAsync(Fixture.Store, "app", "secret", "add", "--app", apiKey, "--description", "myCoolSecret", "--expires", "never"))
            .GetProperty("secretText").GetString()!;
        await GatehouseCli.JsonAsync(Fixture.Store, "app", "permission", "add", "--app", apiKey, "--api", "Microsoft Graph", "--permission", "Calendars.Read", "--type", "Delegated");
        var upn = "megan@contoso.onmicrosoft.com";
        var password = $"Gh-{RandomNumberGenerator.GetHexString(24, lowercase: true)}-Q7";
        await GatehouseCli.JsonAsync(Fixture.Store, "user", "create", "--upn", upn, "--password", password, "--display-name", "Megan Bowen");
        var secrets = await GatehouseCli.JsonAsync(Fixture.Store, "hub", "secrets", "create");
        using var http = Fixture.Server.CreateClient();
        var hub = new HubClient(http, secrets.GetProperty("organizationSecret").GetString()!, secrets.GetProperty("userSecret").GetString()!);

        var (status, url) = await hub.JsonAsync(HttpMethod.Get,
            $"/elements/office365/oauth/url?apiKey={apiKey}&apiSecret={Uri.EscapeDataString(apiSecret)}&callbackUrl={Uri.EscapeDataString(CallbackUrl)}&state=seed&scope={Uri.EscapeDataString("openid offline_access Calendars.Read")}");
        Assert.Equal(200, status);
        var callback = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        await Page.RouteAsync(CallbackUrl + "**", async route =>
        {
            callback.TrySetResult(route.Request.Url);
            await route.FulfillAsync(new() { Status = 200, ContentType = "text/plain", Body = "Connected." });
        });

        await Page.GotoAsync(url.GetProperty("oauthUrl").GetString()!);
        await BrowserFixture.SignInAsync(Page, upn, password);
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Permissions requested", Exact = true })).ToBeVisibleAsync();
        await Expect(Page.GetByTestId("requested-permissions")).ToContainTextAsync("Read your calendars");
        await ScreenshotAsync("hub-consent");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Accept", Exact = true }).ClickAsync();

        var query = new Uri(await callback.Task.WaitAsync(TimeSpan.FromSeconds(15), cancellationToken)).Query.TrimStart('?').Split('&')
            .Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => Uri.UnescapeDataString(p[1]));
        Assert.Equal("seed", query["state"]);
        var (created, instance) = await hub.JsonAsync(HttpMethod.Post, "/instances", new
        {
            element = new { key = "office365" },
            providerData = new { code = query["code"] },
            name = "myCoolInstance",
            configuration = new Dictionary<string, string>
            {
                ["oauth.api.key"] = apiKey,
                ["oauth.api.secret"] = apiSecret,
                ["oauth.callback.url"] = CallbackUrl,
                ["oauth.scope"] = "openid offline_access Calendars.Read",
            },
        });

        Assert.True(created == 200, instance.ToString());
        Assert.Equal("healthy", instance.GetProperty("health").GetProperty("state").GetString());
        Assert.False(string.IsNullOrEmpty(instance.GetProperty("token").GetString()));
    }
}
