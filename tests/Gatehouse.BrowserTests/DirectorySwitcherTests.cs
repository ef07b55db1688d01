using Gatehouse.BrowserTests.Infrastructure;
using Gatehouse.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Gatehouse.BrowserTests;

/// <summary>Directories + subscriptions: signed in to two tenants in one browser, switching between them with one click.</summary>
public sealed class DirectorySwitcherTests(BrowserFixture fixture) : BrowserTest(fixture), IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Signed_in_to_two_directories_a_click_switches_the_portal_between_their_apps_and_sign_out_ends_both()
    {
        var (tenantName, domain, upn, password) = await TenantAsync("Fabrikam");
        await GatehouseCli.JsonAsync(Fixture.Store, "app", "create", "--name", "fabrikam-only-app", "--tenant", domain);
        await GatehouseCli.JsonAsync(Fixture.Store, "app", "create", "--name", "contoso-only-app");
        await Fixture.SignInAsAdminAsync(Page);
        await Expect(Page.GetByTestId("current-directory")).ToHaveTextAsync("Default Directory (contoso.onmicrosoft.com)");

        await Page.GetByTestId("current-directory").ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Directories + subscriptions" })).ToBeVisibleAsync();
        await Expect(Page.Locator("tbody tr")).ToHaveCountAsync(1);
        await Page.GetByLabel("Email or username", new() { Exact = true }).FillAsync(upn);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in to another directory" }).ClickAsync();
        await Expect(Page.GetByLabel("Email or username", new() { Exact = true })).ToHaveValueAsync(upn);
        await Page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Directories + subscriptions" })).ToBeVisibleAsync();
        await Expect(Page.Locator("tbody tr")).ToHaveCountAsync(2);
        await Expect(Page.Locator("tbody tr", new() { HasText = tenantName })).ToContainTextAsync("Current");
        await Expect(Page.GetByTestId("current-directory")).ToHaveTextAsync($"{tenantName} ({domain})");
        await ScreenshotAsync("two-directories");
        await AppsAreAsync("fabrikam-only-app", "contoso-only-app");

        await Page.GotoAsync("/directories");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Switch to Default Directory" }).ClickAsync();
        await Expect(Page.GetByTestId("current-directory")).ToHaveTextAsync("Default Directory (contoso.onmicrosoft.com)");
        await AppsAreAsync("contoso-only-app", "fabrikam-only-app");

        await Page.GotoAsync("/directories");
        await Page.GetByRole(AriaRole.Button, new() { Name = $"Switch to {tenantName}" }).ClickAsync();
        await AppsAreAsync("fabrikam-only-app", "contoso-only-app");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "You signed out of your account" })).ToBeVisibleAsync();
        Assert.DoesNotContain(await Context.CookiesAsync(), c => c.Name is "gatehouse.session" or "gatehouse.directories");
        await Page.GotoAsync("/directories");
        await Expect(Page.GetByLabel("Password", new() { Exact = true })).ToBeVisibleAsync();
        await Fixture.SignInAsAdminAsync(Page);
        await Page.GotoAsync("/directories");
        await Expect(Page.Locator("tbody tr")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task A_remembered_directory_whose_tenant_was_deleted_is_no_longer_listed_nor_switched_to()
    {
        var (tenantName, domain, upn, password) = await TenantAsync("Northwind");
        await Fixture.SignInAsAdminAsync(Page);
        await Page.GotoAsync($"/signin?add_account=true&ReturnUrl=/directories&login_hint={Uri.EscapeDataString(upn)}");
        await Page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Switch to Default Directory" }).ClickAsync();
        await Page.GotoAsync("/directories");
        var switchBack = Page.GetByRole(AriaRole.Button, new() { Name = $"Switch to {tenantName}" });
        await Expect(switchBack).ToBeVisibleAsync();

        await GatehouseCli.JsonAsync(Fixture.Store, "tenant", "delete", domain);
        await switchBack.ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("no longer signed in here");
        await Expect(Page.Locator("tbody tr")).ToHaveCountAsync(1);
        await Expect(Page.GetByTestId("current-directory")).ToHaveTextAsync("Default Directory (contoso.onmicrosoft.com)");
    }

    [Fact]
    public async Task Each_new_page_at_desktop_and_phone_width()
    {
        await TenantAsync("Screens");
        await Fixture.SignInAsAdminAsync(Page);
        await Page.GotoAsync("/monitoring/signins");
        for (var attempt = 0; attempt < 40 && await Page.Locator("table.log").CountAsync() == 0; attempt++)
        {
            // The sign-in just made is saved with the next batch, within a second or so.
            await Task.Delay(250, TestContext.Current.CancellationToken);
            await Page.ReloadAsync();
        }

        foreach (var (path, name) in new[] { ("/monitoring/signins?range=7d", "sign-in-logs"), ("/monitoring/audits?range=7d", "audit-logs"), ("/directories", "directories") })
        {
            await Page.SetViewportSizeAsync(1280, 800);
            await Page.GotoAsync(path);
            await BothWidthsAsync(name);
            if (path.StartsWith("/monitoring", StringComparison.Ordinal))
            {
                await Page.SetViewportSizeAsync(1280, 800);
                await Page.Locator("table.log tbody tr").First.GetByRole(AriaRole.Link).ClickAsync();
                await BothWidthsAsync(name + "-details");
            }
        }
    }

    /// <summary>Screenshots the page at 1280 px and at 360 px, where nothing may make the page scroll sideways.</summary>
    private async Task BothWidthsAsync(string name)
    {
        await ScreenshotAsync($"{name}-1280");
        await Page.SetViewportSizeAsync(360, 780);
        await ScreenshotAsync($"{name}-360");
        Assert.True(await Page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth + 1"), $"{Page.Url} scrolls sideways at 360 px");
    }

    private async Task<(string Name, string Domain, string AdminUpn, string AdminPassword)> TenantAsync(string name)
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var domain = $"{name.ToLowerInvariant()}{suffix}.onmicrosoft.com";
        var tenant = await GatehouseCli.JsonAsync(Fixture.Store, "tenant", "create", "--name", $"{name} {suffix}", "--domain", domain);
        var administrator = tenant.GetProperty("administrator");
        return ($"{name} {suffix}", domain, administrator.GetProperty("userPrincipalName").GetString()!, administrator.GetProperty("password").GetString()!);
    }

    private async Task AppsAreAsync(string listed, string hidden)
    {
        await Page.GotoAsync("/applications");
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = listed, Exact = true })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = hidden, Exact = true })).ToHaveCountAsync(0);
    }
}
