using System.Security.Cryptography;
using Gatehouse.BrowserTests.Infrastructure;
using Gatehouse.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Gatehouse.BrowserTests;

/// <summary>
/// The portal's rough edges, smoothed: API tiles and the grouped permission picker, a secret's value shown once after
/// a redirect, the consent page's publisher, the navigation search, and the layout at phone widths.
/// </summary>
public sealed class PortalLayoutTests(BrowserFixture fixture) : BrowserTest(fixture), IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_picker_shows_API_tiles_then_permissions_grouped_by_category_with_a_filter_that_marks_matches()
    {
        var app = await GatehouseCli.JsonAsync(Fixture.Store, "app", "create", "--name", "picker-app");
        await Fixture.SignInAsAdminAsync(Page);
        await Page.GotoAsync($"/applications/{app.GetProperty("id").GetString()}/permissions/add");

        var tiles = Page.GetByTestId("microsoft-apis");
        await Expect(tiles.GetByRole(AriaRole.Link, new() { Name = "Microsoft Graph", Exact = true })).ToBeVisibleAsync();
        await Expect(tiles.GetByRole(AriaRole.Link, new() { Name = "Dynamics CRM", Exact = true })).ToBeVisibleAsync();
        await ScreenshotAsync("api-tiles");
        await Page.GetByRole(AriaRole.Link, new() { Name = "APIs my organization uses", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "APIs my organization uses" })).ToHaveAttributeAsync("aria-current", "page");
        await ScreenshotAsync("apis-my-organization-uses");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Microsoft APIs", Exact = true }).ClickAsync();
        await tiles.GetByRole(AriaRole.Link, new() { Name = "Microsoft Graph", Exact = true }).ClickAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Delegated permissions", Exact = true }).ClickAsync();

        var calendars = Page.Locator("details[data-permission-group]").Filter(new() { Has = Page.Locator("summary", new() { HasTextString = "Calendars" }) });
        await Expect(calendars).ToHaveJSPropertyAsync("open", false);
        await calendars.Locator("summary").ClickAsync();
        await Expect(calendars.GetByRole(AriaRole.Checkbox, new() { Name = "Calendars.Read", Exact = true })).ToBeVisibleAsync();
        await calendars.Locator("summary").ClickAsync();
        await Expect(calendars.GetByRole(AriaRole.Checkbox, new() { Name = "Calendars.Read", Exact = true })).ToBeHiddenAsync();

        await Page.GetByLabel("Start typing a permission to filter these results", new() { Exact = true }).FillAsync("readwrite");
        await Expect(calendars.GetByRole(AriaRole.Checkbox, new() { Name = "Calendars.ReadWrite", Exact = true })).ToBeVisibleAsync();
        await Expect(calendars.GetByRole(AriaRole.Checkbox, new() { Name = "Calendars.Read", Exact = true })).ToBeHiddenAsync();
        await Expect(calendars.Locator("mark").First).ToHaveTextAsync("ReadWrite");
        await Expect(Page.Locator("details[data-permission-group]").Filter(new() { Has = Page.Locator("summary", new() { HasTextString = "OpenId permissions" }) })).ToBeHiddenAsync();
        await ScreenshotAsync("picker-filtered");

        var checkbox = calendars.GetByRole(AriaRole.Checkbox, new() { Name = "Calendars.ReadWrite", Exact = true });
        var box = (await checkbox.BoundingBoxAsync())!;
        var label = (await calendars.GetByText("Calendars.ReadWrite", new() { Exact = true }).BoundingBoxAsync())!;
        Assert.True(Math.Abs((box.Y + box.Height / 2) - (label.Y + label.Height / 2)) < 6, $"checkbox at y={box.Y}, its label at y={label.Y}");
        Assert.True(label.X > box.X, "the label follows its checkbox on the same line");

        await checkbox.CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add permissions", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Calendars.ReadWrite" })).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task A_new_secret_is_shown_once_after_a_redirect_and_reloading_neither_shows_it_nor_adds_another()
    {
        var app = await GatehouseCli.JsonAsync(Fixture.Store, "app", "create", "--name", "prg-app");
        var credentials = $"/applications/{app.GetProperty("id").GetString()}/credentials";
        await Fixture.SignInAsAdminAsync(Page);
        await Page.GotoAsync(credentials);

        await Page.GetByRole(AriaRole.Link, new() { Name = "New client secret", Exact = true }).ClickAsync();
        await Page.GetByLabel("Description", new() { Exact = true }).FillAsync("shown-once");
        var navigations = new List<string>();
        Page.Request += (_, request) =>
        {
            if (request.IsNavigationRequest)
            {
                navigations.Add($"{request.Method} {new Uri(request.Url).PathAndQuery}");
            }
        };
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }).ClickAsync();
        var value = Page.GetByTestId("new-secret-value");
        await Expect(value).ToBeVisibleAsync();
        Assert.EndsWith(credentials, Page.Url, StringComparison.Ordinal);
        Assert.DoesNotContain(await value.InnerTextAsync(), Page.Url, StringComparison.Ordinal);
        await ScreenshotAsync("secret-shown-once");

        await Page.ReloadAsync();
        await Expect(Page.GetByRole(AriaRole.Row).Filter(new() { HasText = "shown-once" })).ToHaveCountAsync(1);
        await Expect(value).ToHaveCountAsync(0);
        Assert.Single(navigations, n => n.StartsWith("POST ", StringComparison.Ordinal));
        Assert.Equal("GET " + credentials, navigations[^1]);
    }

    [Fact]
    public async Task The_consent_page_names_the_publisher_domain_and_says_unverified()
    {
        var app = await GatehouseCli.JsonAsync(Fixture.Store, "app", "create", "--name", "Contoso Notes", "--redirect-uri", "https://localhost/callback");
        var appId = app.GetProperty("appId").GetString()!;
        await GatehouseCli.JsonAsync(Fixture.Store, "app", "permission", "add", "--app", appId, "--api", "Microsoft Graph", "--permission", "Calendars.Read", "--type", "Delegated");
        var password = $"Gh-{RandomNumberGenerator.GetHexString(24, lowercase: true)}-Q7";
        await GatehouseCli.JsonAsync(Fixture.Store, "user", "create", "--upn", "nestor@contoso.onmicrosoft.com", "--password", password, "--display-name", "Nestor Wilke");

        await Page.GotoAsync($"/{BrowserFixture.TenantId}/oauth2/v2.0/authorize?client_id={appId}&response_type=code"
            + $"&redirect_uri={Uri.EscapeDataString("https://localhost/callback")}&scope={Uri.EscapeDataString("openid Calendars.Read")}");
        await BrowserFixture.SignInAsync(Page, "nestor@contoso.onmicrosoft.com", password);

        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Permissions requested", Exact = true })).ToBeVisibleAsync();
        await Expect(Page.GetByTestId("consent-app")).ToContainTextAsync("Contoso Notes");
        await Expect(Page.GetByTestId("consent-publisher")).ToContainTextAsync("unverified");
        await Expect(Page.GetByTestId("consent-publisher")).ToContainTextAsync("Publisher domain: contoso.onmicrosoft.com");
        await ScreenshotAsync("consent");
        await Page.SetViewportSizeAsync(360, 760);
        await ScreenshotAsync("consent-360");
    }

    [Fact]
    public async Task The_navigation_search_hides_a_heading_whose_blades_are_all_filtered_out()
    {
        var app = await GatehouseCli.JsonAsync(Fixture.Store, "app", "create", "--name", "nav-headings");
        await Fixture.SignInAsAdminAsync(Page);
        await Page.GotoAsync($"/applications/{app.GetProperty("id").GetString()}");

        await Page.GetByPlaceholder("Search (Ctrl+/)").FillAsync("manifest");

        var navigation = Page.GetByRole(AriaRole.Navigation, new() { Name = "nav-headings" });
        await Expect(navigation.GetByRole(AriaRole.Heading, new() { Name = "Manage" })).ToBeVisibleAsync();
        await Expect(navigation.GetByRole(AriaRole.Heading, new() { Name = "Support + Troubleshooting" })).ToBeHiddenAsync();
        await Page.GetByPlaceholder("Search (Ctrl+/)").FillAsync("");
        await Expect(navigation.GetByRole(AriaRole.Heading, new() { Name = "Support + Troubleshooting" })).ToBeVisibleAsync();
    }

    [Theory]
    [InlineData(360)]
    [InlineData(420)]
    public async Task At_phone_widths_the_top_bar_fits_and_no_page_scrolls_sideways(int width)
    {
        var app = await GatehouseCli.JsonAsync(Fixture.Store, "app", "create", "--name", $"narrow-{width}");
        var id = app.GetProperty("id").GetString();
        await Page.SetViewportSizeAsync(width, 760);
        await Fixture.SignInAsAdminAsync(Page);

        foreach (var path in new[] { "/applications", $"/applications/{id}", $"/applications/{id}/credentials", $"/applications/{id}/permissions/add?api=00000003-0000-0000-c000-000000000000&type=Delegated", "/connectors", "/monitoring/signins", "/error?code=AADSTS50011" })
        {
            await Page.GotoAsync(path);
            var overflow = await Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
            var topbar = (await Page.Locator("header.topbar").BoundingBoxAsync())!;
            var widest = await Page.EvaluateAsync<int>("() => Math.max(...[...document.querySelectorAll('header.topbar > *')].map(e => e.getBoundingClientRect().right))");
            Assert.True(overflow <= 0, $"{path} at {width} px scrolls sideways by {overflow} px");
            Assert.True(widest <= width, $"{path} at {width} px: the top bar's content reaches {widest} px");
            Assert.True(topbar.Height <= 100, $"{path} at {width} px: the top bar is {topbar.Height} px tall");
            if (width == 360)
            {
                await ScreenshotAsync($"{width}{path.Split('?')[0].Replace('/', '-')}");
            }
        }

        await Page.SetViewportSizeAsync(1280, 800);
        await Page.GotoAsync("/error?code=AADSTS50011");
        await Expect(Page.GetByTestId("error-explanation")).ToContainTextAsync("Redirect URI mismatch");
        await ScreenshotAsync("1280-error");
    }
}
