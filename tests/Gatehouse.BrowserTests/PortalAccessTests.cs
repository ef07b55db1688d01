using System.Text.RegularExpressions;
using Gatehouse.BrowserTests.Infrastructure;
using Gatehouse.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Gatehouse.BrowserTests;

/// <summary>Who may do what in the portal, and what it refuses: Entra's rules, antiforgery, validation.</summary>
public sealed partial class PortalAccessTests(BrowserFixture fixture) : BrowserTest(fixture), IClassFixture<BrowserFixture>
{
    private const string UserPassword = "Us3r-Passw0rd-for-tests";

    [Fact]
    public async Task A_user_registers_and_manages_their_own_app_but_neither_sees_others_apps_nor_grants_consent()
    {
        var upn = $"dev{Guid.NewGuid():N}"[..12] + "@contoso.onmicrosoft.com";
        await GatehouseCli.JsonAsync(Fixture.Store, "user", "create", "--upn", upn, "--password", UserPassword);
        var adminApp = await GatehouseCli.JsonAsync(Fixture.Store, "app", "create", "--name", "admins-app");
        var adminAppObjectId = adminApp.GetProperty("id").GetString()!;

        await BrowserFixture.SignInAsync(Page, upn, UserPassword);
        await Page.GotoAsync("/applications/new");
        await Page.GetByLabel("Name", new() { Exact = true }).FillAsync("users-app");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Register", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "users-app" })).ToBeVisibleAsync();
        var ownAppUrl = Page.Url;

        await Page.GotoAsync("/applications");
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "users-app", Exact = true })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "admins-app", Exact = true })).ToHaveCountAsync(0);
        await ScreenshotAsync("owned-applications");

        var refused = await Page.GotoAsync($"/applications/{adminAppObjectId}/credentials");
        Assert.Equal(403, refused!.Status);
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Access denied" })).ToBeVisibleAsync();
        await ScreenshotAsync("access-denied");

        await Page.GotoAsync(ownAppUrl + "/permissions");
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Grant admin consent for Default Directory" })).ToBeDisabledAsync();
        var token = await Page.Locator("input[name=__RequestVerificationToken]").First.GetAttributeAsync("value");
        var (status, text) = await PostFormAsync(ownAppUrl + "/permissions?handler=Grant", $"__RequestVerificationToken={Uri.EscapeDataString(token!)}");
        Assert.Equal(403, status);
        Assert.Contains("Administrator required", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_posted_without_its_antiforgery_token_is_refused_and_changes_nothing()
    {
        await Fixture.SignInAsAdminAsync(Page);

        var (status, _) = await PostFormAsync("/applications/new", "Name=forged-app&SignInAudience=AzureADMyOrg");

        Assert.Equal(400, status);
        await Page.GotoAsync("/applications");
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "forged-app" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_manifest_refuses_invalid_JSON_with_a_message_and_keeps_the_app()
    {
        var app = await GatehouseCli.JsonAsync(Fixture.Store, "app", "create", "--name", "manifest-app");
        await Fixture.SignInAsAdminAsync(Page);
        await Page.GotoAsync($"/applications/{app.GetProperty("id").GetString()}/manifest");
        await ScreenshotAsync("manifest");

        await Page.GetByLabel("Manifest", new() { Exact = true }).FillAsync("{ \"displayName\": ");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("not valid JSON");
        await ScreenshotAsync("manifest-invalid-json");
        var manifest = await Page.GetByLabel("Manifest", new() { Exact = true }).InputValueAsync();
        Assert.StartsWith("{ \"displayName\": ", manifest, StringComparison.Ordinal);

        await Page.GotoAsync($"/applications/{app.GetProperty("id").GetString()}/manifest");
        Assert.Matches(DisplayName(), await Page.GetByLabel("Manifest", new() { Exact = true }).InputValueAsync());
    }

    [Fact]
    public async Task Delete_asks_first_and_the_deleted_app_stays_restorable()
    {
        var app = await GatehouseCli.JsonAsync(Fixture.Store, "app", "create", "--name", "doomed-app");
        await Fixture.SignInAsAdminAsync(Page);
        await Page.GotoAsync($"/applications/{app.GetProperty("id").GetString()}");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Delete", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Delete app registration" })).ToBeVisibleAsync();
        await ScreenshotAsync("delete-confirmation");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Yes, delete", Exact = true }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "App registrations", Exact = true })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "doomed-app" })).ToHaveCountAsync(0);
        var deleted = await GatehouseCli.JsonAsync(Fixture.Store, "app", "deleted");
        Assert.Contains(deleted.GetProperty("value").EnumerateArray(), a => a.GetProperty("displayName").GetString() == "doomed-app");
    }

    [Fact]
    public async Task Ten_wrong_passwords_lock_the_account_even_for_the_right_one()
    {
        var upn = $"lock{Guid.NewGuid():N}"[..12] + "@contoso.onmicrosoft.com";
        await GatehouseCli.JsonAsync(Fixture.Store, "user", "create", "--upn", upn, "--password", UserPassword);
        await Page.GotoAsync("/signin");
        for (var attempt = 0; attempt < 10; attempt++)
        {
            await Page.GetByLabel("Email or username", new() { Exact = true }).FillAsync(upn);
            await Page.GetByLabel("Password", new() { Exact = true }).FillAsync("Wr0ng-password!");
            await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        }

        await Page.GetByLabel("Email or username", new() { Exact = true }).FillAsync(upn);
        await Page.GetByLabel("Password", new() { Exact = true }).FillAsync(UserPassword);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("temporarily locked");
        await ScreenshotAsync("locked-out");
    }

    /// <summary>A form POST from inside the signed-in page (its cookies, its trusted certificate), as a forged page would send it.</summary>
    private async Task<(int Status, string Text)> PostFormAsync(string url, string body)
    {
        var result = await Page.EvaluateAsync<System.Text.Json.JsonElement>(
            "async ([url, body]) => { const r = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body }); return { status: r.status, text: await r.text() }; }",
            new[] { url, body });
        return (result.GetProperty("status").GetInt32(), result.GetProperty("text").GetString()!);
    }

    [GeneratedRegex("\"displayName\": \"manifest-app\"")]
    private static partial Regex DisplayName();
}
