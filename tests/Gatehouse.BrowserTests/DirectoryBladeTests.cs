using System.Text.Json;
using Gatehouse.BrowserTests.Infrastructure;
using Gatehouse.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Gatehouse.BrowserTests;

/// <summary>
/// The directory's blades in chromium: Users, Groups, Enterprise applications and Deleted applications, each flow as
/// an administrator clicks it, what it changes for the token service, who is refused, and every page at 1280 and 360 px;
/// on SQLite (<see cref="DirectoryBladeTestsOnSqlite"/>) and on PostgreSQL (<see cref="DirectoryBladeTestsOnPostgres"/>).
/// </summary>
public abstract class DirectoryBladeTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string UserPassword = "Us3r-Passw0rd-for-tests";

    [Fact]
    public async Task An_administrator_creates_searches_edits_resets_and_deletes_a_user()
    {
        var alias = $"casey{Guid.NewGuid():N}"[..12];
        await Fixture.SignInAsAdminAsync(Page);
        await Page.GotoAsync("/applications");
        await Page.GetByRole(AriaRole.Navigation, new() { Name = "Gatehouse" }).GetByRole(AriaRole.Link, new() { Name = "Users", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Users", Exact = true })).ToBeVisibleAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "New user" }).ClickAsync();
        await ShotsAsync("user-new");
        await Page.GetByLabel("User principal name", new() { Exact = true }).FillAsync(alias);
        await Page.GetByLabel("Display name", new() { Exact = true }).FillAsync("Casey Portal");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Create", Exact = true }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Casey Portal | Overview" })).ToBeVisibleAsync();
        var password = await Page.GetByTestId("temporary-password").TextContentAsync();
        await ShotsAsync("user-overview-with-password");
        await Page.ReloadAsync();
        await Expect(Page.GetByTestId("temporary-password")).ToHaveCountAsync(0);
        var userUrl = Page.Url;

        await Page.GotoAsync($"/users?search={alias}");
        await Expect(Page.Locator("table.directory-list tbody tr")).ToHaveCountAsync(1);
        await Page.GotoAsync("/users");
        await ShotsAsync("users");
        await Page.GetByLabel("Search by the start of a display name or user principal name").FillAsync("casey portal");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Casey Portal", Exact = true })).ToBeVisibleAsync();
        await Expect(Page.Locator("table.directory-list tbody tr")).ToHaveCountAsync(1);

        await Page.GotoAsync(userUrl);
        await Page.GetByRole(AriaRole.Link, new() { Name = "Edit properties" }).First.ClickAsync();
        await Page.GetByLabel("Display name", new() { Exact = true }).FillAsync("Casey Renamed");
        await Page.GetByLabel("Job title", new() { Exact = true }).FillAsync("Gatekeeper");
        await ShotsAsync("user-edit");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Casey Renamed | Overview" })).ToBeVisibleAsync();
        await Expect(Page.Locator(".blade-content")).ToContainTextAsync("Gatekeeper");

        await Page.GetByRole(AriaRole.Link, new() { Name = "Reset password" }).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Reset password" }).ClickAsync();
        var newPassword = await Page.GetByTestId("temporary-password").TextContentAsync();
        Assert.NotEqual(password, newPassword);
        Assert.DoesNotContain("handler", Page.Url, StringComparison.Ordinal);

        await Page.GetByRole(AriaRole.Navigation, new() { Name = "Casey Renamed" }).GetByRole(AriaRole.Link, new() { Name = "Assigned roles", Exact = true }).ClickAsync();
        await Expect(Page.GetByText("No roles are assigned to Casey Renamed.")).ToBeVisibleAsync();
        await Page.GetByRole(AriaRole.Navigation, new() { Name = "Casey Renamed" }).GetByRole(AriaRole.Link, new() { Name = "Groups", Exact = true }).ClickAsync();
        await Expect(Page.GetByText("is not a member of any group")).ToBeVisibleAsync();
        await ShotsAsync("user-groups");

        await using (var person = await Fixture.Browser.NewContextAsync(new() { BaseURL = Fixture.BaseUrl }))
        {
            var page = await person.NewPageAsync();
            await BrowserFixture.SignInAsync(page, $"{alias}@contoso.onmicrosoft.com", newPassword!);
            var refused = await page.GotoAsync("/users");
            Assert.Equal(403, refused!.Status);
            await Expect(page.GetByText("Only a Global Administrator or User Administrator")).ToBeVisibleAsync();
        }

        await Page.GotoAsync("/users?search=admin%40");
        await Page.Locator("table.directory-list tbody tr").First.GetByRole(AriaRole.Link).ClickAsync();
        await Page.Locator(".blade-nav").GetByRole(AriaRole.Link, new() { Name = "Assigned roles", Exact = true }).ClickAsync();
        await Expect(Page.Locator(".blade-content")).ToContainTextAsync("Global Administrator");
        await ShotsAsync("user-roles");

        await Page.GotoAsync(userUrl);
        await Page.GetByRole(AriaRole.Link, new() { Name = "Delete" }).ClickAsync();
        await ShotsAsync("user-delete-confirm");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Yes, delete" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Deleted user Casey Renamed");
        Assert.EndsWith("/users", Page.Url, StringComparison.Ordinal);
        var gone = await Page.GotoAsync(userUrl);
        Assert.Equal(404, gone!.Status);
    }

    [Fact]
    public async Task An_administrator_creates_a_group_adds_and_removes_members_and_owners_and_deletes_it()
    {
        var name = $"Portal crew {Guid.NewGuid():N}"[..20];
        var upn = $"crew{Guid.NewGuid():N}"[..12] + "@contoso.onmicrosoft.com";
        await GatehouseCli.JsonAsync(Fixture.Store, "user", "create", "--upn", upn, "--password", UserPassword, "--display-name", "Crew Member");
        await Fixture.SignInAsAdminAsync(Page);
        await Page.GotoAsync("/groups");
        await Page.GetByRole(AriaRole.Link, new() { Name = "New group" }).ClickAsync();
        await Page.GetByLabel("Group name", new() { Exact = true }).FillAsync(name);
        await Page.GetByLabel("Group description", new() { Exact = true }).FillAsync("made in the browser");
        await ShotsAsync("group-new");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Create", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = $"{name} | Overview" })).ToBeVisibleAsync();
        await ShotsAsync("group-overview");

        var navigation = Page.GetByRole(AriaRole.Navigation, new() { Name = name });
        await navigation.GetByRole(AriaRole.Link, new() { Name = "Members", Exact = true }).ClickAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Add members" }).ClickAsync();
        await Page.GetByLabel("User principal name or object ID").FillAsync(upn);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Cell, new() { Name = upn })).ToBeVisibleAsync();
        await ShotsAsync("group-members");

        await navigation.GetByRole(AriaRole.Link, new() { Name = "Owners", Exact = true }).ClickAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Add owners" }).ClickAsync();
        await Page.GetByLabel("User principal name or object ID").FillAsync("nobody@contoso.onmicrosoft.com");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("No user 'nobody@contoso.onmicrosoft.com'");
        await Page.GetByLabel("User principal name or object ID").FillAsync(BrowserFixture.AdminUpn);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Cell, new() { Name = BrowserFixture.AdminUpn })).ToBeVisibleAsync();
        await ShotsAsync("group-owners");

        await Page.GotoAsync("/users?search=" + Uri.EscapeDataString(upn));
        await Page.GetByRole(AriaRole.Link, new() { Name = "Crew Member" }).ClickAsync();
        await Page.GetByRole(AriaRole.Navigation, new() { Name = "Crew Member" }).GetByRole(AriaRole.Link, new() { Name = "Groups", Exact = true }).ClickAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = name }).ClickAsync();

        await Page.GetByRole(AriaRole.Navigation, new() { Name = name }).GetByRole(AriaRole.Link, new() { Name = "Members", Exact = true }).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Remove member Crew Member" }).ClickAsync();
        await Expect(Page.GetByText("This group has no members.")).ToBeVisibleAsync();

        await Page.GotoAsync("/groups?search=" + Uri.EscapeDataString(name));
        await ShotsAsync("groups");
        await Page.GetByRole(AriaRole.Link, new() { Name = name }).ClickAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Delete" }).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Yes, delete" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Deleted group {name}");
        await Page.GotoAsync("/groups?search=" + Uri.EscapeDataString(name));
        await Expect(Page.GetByText("No groups match.")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Disabling_sign_in_refuses_the_app_its_tokens_and_revoking_a_permission_takes_it_out_of_the_next_token()
    {
        var name = $"ent-{Guid.NewGuid():N}"[..12];
        var app = await GatehouseCli.JsonAsync(Fixture.Store, "app", "create", "--name", name);
        var appId = app.GetProperty("appId").GetString()!;
        var secret = (await GatehouseCli.JsonAsync(Fixture.Store, "app", "secret", "add", "--app", appId, "--expires", "never")).GetProperty("secretText").GetString()!;
        foreach (var permission in new[] { "User.Read.All", "Group.Read.All" })
        {
            await GatehouseCli.JsonAsync(Fixture.Store, "app", "permission", "add", "--app", appId, "--api", "Microsoft Graph", "--permission", permission, "--type", "Application");
        }

        await GatehouseCli.JsonAsync(Fixture.Store, "app", "consent", "--app", appId);
        await Fixture.SignInAsAdminAsync(Page);
        await Page.GotoAsync("/applications");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Enterprise applications", Exact = true }).ClickAsync();
        await Page.GetByLabel("Application name or ID").FillAsync(name);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Apply", Exact = true }).ClickAsync();
        await ShotsAsync("enterprise-apps");
        await Page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = $"{name} | Overview" })).ToBeVisibleAsync();
        await ShotsAsync("enterprise-app-overview");
        var navigation = Page.GetByRole(AriaRole.Navigation, new() { Name = name });

        await navigation.GetByRole(AriaRole.Link, new() { Name = "Permissions", Exact = true }).ClickAsync();
        await ShotsAsync("enterprise-app-permissions");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Revoke Group.Read.All" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Revoked Group.Read.All");
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Revoke Group.Read.All" })).ToHaveCountAsync(0);
        var (status, token) = await ClientCredentialsAsync(appId, secret);
        Assert.Equal(200, status);
        Assert.Equal(["User.Read.All"], Jwt.Payload(token.GetProperty("access_token").GetString()!).GetProperty("roles").EnumerateArray().Select(r => r.GetString()));

        await navigation.GetByRole(AriaRole.Link, new() { Name = "Users and groups", Exact = true }).ClickAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Add user/group" }).ClickAsync();
        await Page.GetByLabel("User or group", new() { Exact = true }).FillAsync(BrowserFixture.AdminUpn);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Assign", Exact = true }).ClickAsync();
        await Expect(Page.Locator("table.directory-list")).ToContainTextAsync("Default Access");
        await ShotsAsync("enterprise-app-users-and-groups");

        await navigation.GetByRole(AriaRole.Link, new() { Name = "Properties", Exact = true }).ClickAsync();
        await Page.GetByRole(AriaRole.Group, new() { Name = "Enabled for users to sign in?" }).GetByLabel("No").CheckAsync();
        await ShotsAsync("enterprise-app-properties");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved.");
        var (refusedStatus, refusal) = await ClientCredentialsAsync(appId, secret);
        Assert.Equal(400, refusedStatus);
        Assert.Equal(7000112, refusal.GetProperty("error_codes")[0].GetInt32());

        await navigation.GetByRole(AriaRole.Link, new() { Name = "Overview", Exact = true }).ClickAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Open the app registration" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = $"{name} | Overview" })).ToBeVisibleAsync();
        Assert.Contains("/applications/", Page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Enterprise_applications_are_listed_fifty_a_page_with_links_to_the_next_and_first_pages()
    {
        var prefix = $"paged{Guid.NewGuid():N}"[..12];
        for (var n = 0; n <= 50; n++)
        {
            await GatehouseCli.JsonAsync(Fixture.Store, "app", "create", "--name", $"{prefix}-{n:00}");
        }

        await Fixture.SignInAsAdminAsync(Page);
        await Page.GotoAsync($"/enterpriseapps?search={prefix}");
        var rows = Page.Locator("table.directory-list tbody tr");
        await Expect(rows).ToHaveCountAsync(50);
        Assert.Equal([.. Enumerable.Range(0, 50).Select(n => $"{prefix}-{n:00}")], await rows.Locator("td:first-child").AllInnerTextsAsync());
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "First page" })).ToHaveCountAsync(0);

        await Page.GetByRole(AriaRole.Link, new() { Name = "Next page" }).ClickAsync();
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows).ToContainTextAsync($"{prefix}-50");
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Next page" })).ToHaveCountAsync(0);
        await Expect(Page.GetByLabel("Application type")).ToHaveValueAsync("enterprise");

        await Page.GetByRole(AriaRole.Link, new() { Name = "First page" }).ClickAsync();
        await Expect(rows).ToHaveCountAsync(50);
        await Expect(rows.First).ToContainTextAsync($"{prefix}-00");
    }

    [Fact]
    public async Task A_deleted_app_registration_is_restored_from_deleted_applications_and_another_deleted_permanently()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var restored = await GatehouseCli.JsonAsync(Fixture.Store, "app", "create", "--name", $"comeback-{suffix}");
        await GatehouseCli.JsonAsync(Fixture.Store, "app", "create", "--name", $"farewell-{suffix}");
        await GatehouseCli.JsonAsync(Fixture.Store, "app", "delete", "--app", $"farewell-{suffix}");
        await Fixture.SignInAsAdminAsync(Page);

        await Page.GotoAsync($"/applications/{restored.GetProperty("id").GetString()}?confirm=delete");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Yes, delete" }).ClickAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Deleted applications" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Deleted applications" })).ToBeVisibleAsync();
        await ShotsAsync("deleted-apps");
        await Page.GetByRole(AriaRole.Button, new() { Name = $"Restore comeback-{suffix}" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Restored comeback-{suffix}");
        Assert.EndsWith("/deletedapps", Page.Url, StringComparison.Ordinal);

        await Page.GetByRole(AriaRole.Link, new() { Name = $"Delete farewell-{suffix} permanently" }).ClickAsync();
        await ShotsAsync("deleted-apps-confirm");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Yes, delete permanently" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Deleted farewell-{suffix} permanently");
        await Expect(Page.GetByRole(AriaRole.Cell, new() { Name = $"farewell-{suffix}" })).ToHaveCountAsync(0);

        await Page.GotoAsync("/applications");
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = $"comeback-{suffix}", Exact = true })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = $"farewell-{suffix}", Exact = true })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_user_without_a_directory_role_is_refused_every_directory_blade()
    {
        var upn = $"plain{Guid.NewGuid():N}"[..13] + "@contoso.onmicrosoft.com";
        await GatehouseCli.JsonAsync(Fixture.Store, "user", "create", "--upn", upn, "--password", UserPassword);
        await BrowserFixture.SignInAsync(Page, upn, UserPassword);

        foreach (var path in new[] { "/users", "/users/new", "/groups", "/enterpriseapps", "/deletedapps" })
        {
            var refused = await Page.GotoAsync(path);
            Assert.Equal(403, refused!.Status);
            await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Access denied" })).ToBeVisibleAsync();
            await Expect(Page.Locator("table")).ToHaveCountAsync(0);
        }

        await ShotsAsync("directory-access-denied");
    }

    /// <summary>
    /// The page at 1280 px and at 360 px, where its content must fit the width (a wide table scrolls inside its own
    /// box) and no button may sit beyond the screen's right edge, where a row's Remove or Revoke would be out of sight.
    /// </summary>
    private async Task ShotsAsync(string name)
    {
        await ScreenshotAsync(name + "-1280");
        await Page.SetViewportSizeAsync(360, 800);
        var overflow = await Page.EvaluateAsync<int>("() => document.querySelector('main').scrollWidth - window.innerWidth");
        var outOfSight = await Page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('main button, main a.button')].filter(b => b.getBoundingClientRect().right > window.innerWidth).map(b => b.textContent.trim())");
        await ScreenshotAsync(name + "-360");
        await Page.SetViewportSizeAsync(1280, 800);
        Assert.True(overflow <= 0, $"At 360 px the page {name} is {overflow} px wider than the screen.");
        Assert.True(outOfSight.Length == 0, $"At 360 px the page {name} has buttons beyond the screen's right edge: {string.Join(", ", outOfSight)}.");
    }

    private async Task<(int Status, JsonElement Body)> ClientCredentialsAsync(string appId, string secret)
    {
        using var http = Fixture.Server.CreateClient();
        using var response = await http.PostAsync($"/{BrowserFixture.TenantId}/oauth2/v2.0/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = appId, ["client_secret"] = secret, ["scope"] = "https://graph.microsoft.com/.default",
        }), TestContext.Current.CancellationToken);
        return ((int)response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement);
    }
}

public sealed class DirectoryBladeTestsOnSqlite(BrowserFixture fixture) : DirectoryBladeTests(fixture), IClassFixture<BrowserFixture>;

[Trait(StoreTrait.Name, StoreTrait.Postgres)]
public sealed class DirectoryBladeTestsOnPostgres(PostgresBrowserFixture fixture) : DirectoryBladeTests(fixture), IClassFixture<PostgresBrowserFixture>;
