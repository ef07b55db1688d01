using System.Globalization;
using Gatehouse.BrowserTests.Infrastructure;
using Gatehouse.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Gatehouse.BrowserTests;

/// <summary>
/// Connector instances in a browser: an instance made through the hub's API is on the expiry timeline and in the
/// table, and is disabled and re-authenticated from its page; on SQLite and on PostgreSQL.
/// </summary>
public abstract class ConnectorInstancesBladeTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task An_instance_is_on_the_timeline_in_its_band_and_is_disabled_and_re_authenticated_from_its_page()
    {
        var secretEnds = Fixture.Store.Clock.GetUtcNow().AddDays(5);
        var app = await GatehouseCli.JsonAsync(Fixture.Store, "app", "create", "--name", "calendar-sync");
        var appId = app.GetProperty("appId").GetString()!;
        var secret = await GatehouseCli.JsonAsync(Fixture.Store, "app", "secret", "add", "--app", appId,
            "--expires", secretEnds.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        await GatehouseCli.JsonAsync(Fixture.Store, "app", "permission", "add", "--app", appId, "--api", "Microsoft Graph", "--permission", "Calendars.Read", "--type", "Application");
        await GatehouseCli.JsonAsync(Fixture.Store, "app", "consent", "--app", appId);
        using var http = Fixture.Server.CreateClient();
        var hub = await HubClient.CreateAsync(Fixture.Store, http);
        var (status, instance) = await hub.JsonAsync(HttpMethod.Post, "/instances", new
        {
            element = new { key = "office365" },
            name = "Calendar sync",
            configuration = new Dictionary<string, string>
            {
                ["oauth.api.key"] = appId,
                ["oauth.api.secret"] = secret.GetProperty("secretText").GetString()!,
                ["oauth.grant.type"] = "client_credentials",
            },
        });
        Assert.True(status == 200, instance.ToString());
        var id = instance.GetProperty("id").GetInt64();

        await Fixture.SignInAsAdminAsync(Page);
        await Page.GetByRole(AriaRole.Navigation, new() { Name = "Gatehouse" }).GetByRole(AriaRole.Link, new() { Name = "Connector instances" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Connector instances", Exact = true })).ToBeVisibleAsync();
        var mark = Page.GetByTestId($"expiry-mark-{id}");
        await Expect(mark).ToHaveAttributeAsync("data-band", "red");
        await Expect(mark).ToContainTextAsync("Calendar sync");
        await Expect(Page.GetByTestId("expiry-counts")).ToContainTextAsync("1 in the next 7 days");
        await Expect(Page.GetByRole(AriaRole.Img, new() { Name = "API secret expiry over the next 90 days" })).ToBeVisibleAsync();
        var row = Page.GetByTestId("connector-instances").GetByRole(AriaRole.Row).Filter(new() { HasText = "Calendar sync" });
        await Expect(row).ToContainTextAsync("healthy");
        await Expect(row).ToContainTextAsync(secretEnds.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await ScreenshotAsync("connector-instances");
        await Page.SetViewportSizeAsync(360, 760);
        await ScreenshotAsync("connector-instances-360");
        await Page.SetViewportSizeAsync(1280, 800);

        await row.GetByRole(AriaRole.Link, new() { Name = "Calendar sync" }).ClickAsync();
        await Expect(Page.GetByTestId("instance-state")).ToHaveTextAsync("healthy");
        var lastRefresh = await Page.GetByTestId("instance-last-refresh").InnerTextAsync();
        await ScreenshotAsync("connector-instance");
        await Page.SetViewportSizeAsync(360, 760);
        await ScreenshotAsync("connector-instance-360");
        await Page.SetViewportSizeAsync(1280, 800);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Disable", Exact = true }).ClickAsync();
        await Expect(Page.GetByTestId("instance-state")).ToHaveTextAsync("disabled");
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Calendar sync is disabled");
        Assert.True((await hub.GetInstanceAsync(id)).GetProperty("disabled").GetBoolean());
        Assert.EndsWith($"/connectors/{id}", Page.Url, StringComparison.Ordinal);

        Fixture.Store.Clock.Advance(TimeSpan.FromMinutes(2));
        await Page.GetByRole(AriaRole.Button, new() { Name = "Enable", Exact = true }).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Re-authenticate", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Calendar sync is re-authenticated");
        await Expect(Page.GetByTestId("instance-state")).ToHaveTextAsync("healthy");
        await Expect(Page.GetByTestId("instance-last-refresh")).Not.ToHaveTextAsync(lastRefresh);
        await Page.ReloadAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveCountAsync(0);
        await Expect(Page.GetByTestId("instance-events-empty")).ToBeVisibleAsync();
    }
}

public sealed class ConnectorInstancesBladeTestsOnSqlite(BrowserFixture fixture) : ConnectorInstancesBladeTests(fixture), IClassFixture<BrowserFixture>;

[Trait(StoreTrait.Name, StoreTrait.Postgres)]
public sealed class ConnectorInstancesBladeTestsOnPostgres(PostgresBrowserFixture fixture) : ConnectorInstancesBladeTests(fixture), IClassFixture<PostgresBrowserFixture>;
