using Gatehouse.BrowserTests.Infrastructure;
using Gatehouse.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Gatehouse.BrowserTests;

/// <summary>Every blade of an app registration opens from the left navigation, titled as the portal titles it.</summary>
public sealed class EveryBladeTests(BrowserFixture fixture) : BrowserTest(fixture), IClassFixture<BrowserFixture>
{
    private static readonly string[] Blades =
    [
        "Overview", "Quickstart", "Branding", "Authentication", "Certificates & secrets", "API permissions", "Expose an API",
        "App roles", "Owners", "Roles and administrators", "Manifest", "Troubleshooting", "New support request",
    ];

    [Fact]
    public async Task Each_blade_opens_from_the_navigation_with_the_breadcrumb_and_its_title()
    {
        var app = await GatehouseCli.JsonAsync(Fixture.Store, "app", "create", "--name", "every-blade");
        await Fixture.SignInAsAdminAsync(Page);
        await Page.GotoAsync($"/applications/{app.GetProperty("id").GetString()}");

        foreach (var blade in Blades)
        {
            await Page.GetByRole(AriaRole.Navigation, new() { Name = "every-blade" })
                .GetByRole(AriaRole.Link, new() { Name = blade, Exact = true }).ClickAsync();
            await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = $"every-blade | {blade}" })).ToBeVisibleAsync();
            await Expect(Page.GetByRole(AriaRole.Navigation, new() { Name = "Breadcrumb" })).ToContainTextAsync("Home > App registrations > every-blade");
            await ScreenshotAsync(blade);
        }
    }

    [Fact]
    public async Task Search_filters_the_navigation_and_Ctrl_slash_reaches_it()
    {
        var app = await GatehouseCli.JsonAsync(Fixture.Store, "app", "create", "--name", "nav-search");
        await Fixture.SignInAsAdminAsync(Page);
        await Page.GotoAsync($"/applications/{app.GetProperty("id").GetString()}");

        await Page.Keyboard.PressAsync("Control+/");
        await Expect(Page.GetByPlaceholder("Search (Ctrl+/)")).ToBeFocusedAsync();
        await Page.Keyboard.TypeAsync("cert");

        var navigation = Page.GetByRole(AriaRole.Navigation, new() { Name = "nav-search" });
        await Expect(navigation.GetByRole(AriaRole.Link, new() { Name = "Certificates & secrets" })).ToBeVisibleAsync();
        await Expect(navigation.GetByRole(AriaRole.Link, new() { Name = "Manifest" })).ToBeHiddenAsync();
    }
}
