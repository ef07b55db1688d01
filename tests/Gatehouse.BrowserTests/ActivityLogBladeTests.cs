using Gatehouse.BrowserTests.Infrastructure;
using Gatehouse.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Gatehouse.BrowserTests;

/// <summary>Monitoring's Sign-in logs and Audit logs blades: filters that narrow the table, details, and who may read them.</summary>
public sealed class ActivityLogBladeTests(BrowserFixture fixture) : BrowserTest(fixture), IClassFixture<BrowserFixture>
{
    private const string UserPassword = "Us3r-Passw0rd-for-tests";

    [Fact]
    public async Task Sign_in_logs_narrow_by_application_status_and_user_and_show_a_refused_client_credentials_request_with_its_AADSTS_code()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var alpha = await ClientAsync($"alpha-{suffix}");
        var beta = await ClientAsync($"beta-{suffix}");
        using (var http = Fixture.Server.CreateClient())
        {
            Assert.True((await ClientCredentialsAsync(http, alpha.AppId, alpha.Secret)).IsSuccessStatusCode);
            Assert.False((await ClientCredentialsAsync(http, alpha.AppId, alpha.Secret + "x")).IsSuccessStatusCode);
            Assert.False((await ClientCredentialsAsync(http, beta.AppId, beta.Secret + "x")).IsSuccessStatusCode);
        }

        var upn = $"logs{suffix}@contoso.onmicrosoft.com";
        await GatehouseCli.JsonAsync(Fixture.Store, "user", "create", "--upn", upn, "--password", UserPassword);
        await Page.GotoAsync("/signin");
        await Page.GetByLabel("Email or username", new() { Exact = true }).FillAsync(upn);
        await Page.GetByLabel("Password", new() { Exact = true }).FillAsync("Wr0ng-password!");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Fixture.SignInAsAdminAsync(Page);

        await Page.GotoAsync("/applications");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Monitoring", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Sign-in logs", Exact = true })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Navigation, new() { Name = "Breadcrumb" })).ToContainTextAsync("Home > Monitoring & health > Sign-in logs");

        await Page.GetByLabel("Application", new() { Exact = true }).FillAsync(alpha.AppId);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Apply", Exact = true }).ClickAsync();
        var rows = await RowsOnceAsync(2);
        Assert.Equal(2, rows.Count);
        Assert.Single(rows, row => row.Contains("Success", StringComparison.Ordinal) && row.Contains($"alpha-{suffix}", StringComparison.Ordinal));
        Assert.DoesNotContain(rows, row => row.Contains(beta.AppId, StringComparison.Ordinal));
        Assert.Contains($"app={alpha.AppId}", Page.Url, StringComparison.Ordinal);

        await Page.GetByLabel("Status", new() { Exact = true }).SelectOptionAsync("failure");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Apply", Exact = true }).ClickAsync();
        var refused = Assert.Single(await RowsOnceAsync(1));
        Assert.Contains(alpha.AppId, refused, StringComparison.Ordinal);
        Assert.Contains("Failure (AADSTS7000215)", refused, StringComparison.Ordinal);
        Assert.Contains("Service principal", refused, StringComparison.Ordinal);
        Assert.Contains("127.0.0.1", refused, StringComparison.Ordinal);
        await ScreenshotAsync("sign-ins-filtered");

        await Page.Locator("table.log tbody tr").First.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Sign-in details", Exact = true })).ToBeVisibleAsync();
        var details = Page.Locator(".blade-content");
        await Expect(details).ToContainTextAsync("AADSTS7000215");
        await Expect(details).ToContainTextAsync(alpha.AppId);
        await Expect(details).ToContainTextAsync("clientSecret");
        await ScreenshotAsync("sign-in-details");

        await Page.GotoAsync($"/monitoring/signins?user={Uri.EscapeDataString(upn)}");
        var userRow = Assert.Single(await RowsOnceAsync(1));
        Assert.Contains(upn, userRow, StringComparison.Ordinal);
        Assert.Contains("Failure (AADSTS50126)", userRow, StringComparison.Ordinal);
        Assert.Contains("Interactive user", userRow, StringComparison.Ordinal);

        await Page.GotoAsync($"/monitoring/signins?status=success&app={beta.AppId}");
        await Expect(Page.GetByText("No sign-ins match these filters.")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_secret_added_in_the_portal_shows_in_the_audit_log_with_its_initiator_target_and_new_key()
    {
        var name = $"audited-{Guid.NewGuid():N}"[..16];
        var app = await GatehouseCli.JsonAsync(Fixture.Store, "app", "create", "--name", name);
        await Fixture.SignInAsAdminAsync(Page);
        await Page.GotoAsync($"/applications/{app.GetProperty("id").GetString()}/credentials?add=secret");
        await Page.GetByLabel("Description", new() { Exact = true }).FillAsync("audited secret");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Copy to clipboard" })).ToBeVisibleAsync();

        await Page.GotoAsync("/monitoring/signins");
        await Page.GetByRole(AriaRole.Navigation, new() { Name = "Monitoring & health" }).GetByRole(AriaRole.Link, new() { Name = "Audit logs", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Audit logs", Exact = true })).ToBeVisibleAsync();
        await Page.GetByLabel("Activity", new() { Exact = true }).SelectOptionAsync("Update application – Certificates and secrets management");
        await Page.GetByLabel("Target", new() { Exact = true }).FillAsync(name);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Apply", Exact = true }).ClickAsync();

        var row = Assert.Single(await RowsOnceAsync(1));
        Assert.Contains("Core Directory", row, StringComparison.Ordinal);
        Assert.Contains("ApplicationManagement", row, StringComparison.Ordinal);
        Assert.Contains(name, row, StringComparison.Ordinal);
        Assert.Contains(BrowserFixture.AdminUpn, row, StringComparison.Ordinal);
        await ScreenshotAsync("audits-filtered");

        await Page.Locator("table.log tbody tr").First.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Audit log details", Exact = true })).ToBeVisibleAsync();
        var details = Page.Locator(".blade-content");
        await Expect(details).ToContainTextAsync(BrowserFixture.AdminUpn);
        await Expect(details).ToContainTextAsync("audited secret");
        await Expect(Page.GetByRole(AriaRole.Columnheader, new() { Name = "New value" })).ToBeVisibleAsync();
        await ScreenshotAsync("audit-details");

        await Page.GotoAsync($"/monitoring/audits?initiatedBy=nobody-{name}");
        await Expect(Page.GetByText("No changes match these filters.")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_user_who_is_not_a_Global_Administrator_is_refused_both_logs()
    {
        var upn = $"nolog{Guid.NewGuid():N}"[..13] + "@contoso.onmicrosoft.com";
        await GatehouseCli.JsonAsync(Fixture.Store, "user", "create", "--upn", upn, "--password", UserPassword, "--role", "Application Administrator");
        await BrowserFixture.SignInAsync(Page, upn, UserPassword);

        foreach (var path in new[] { "/monitoring/signins", "/monitoring/audits" })
        {
            var refused = await Page.GotoAsync(path);
            Assert.Equal(403, refused!.Status);
            await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Access denied" })).ToBeVisibleAsync();
            await Expect(Page.GetByText("Only a Global Administrator can read")).ToBeVisibleAsync();
            await Expect(Page.Locator("table")).ToHaveCountAsync(0);
        }
    }

    private async Task<(string AppId, string Secret)> ClientAsync(string name)
    {
        var app = await GatehouseCli.JsonAsync(Fixture.Store, "app", "create", "--name", name);
        var appId = app.GetProperty("appId").GetString()!;
        var secret = await GatehouseCli.JsonAsync(Fixture.Store, "app", "secret", "add", "--app", appId, "--expires", "never");
        await GatehouseCli.JsonAsync(Fixture.Store, "app", "permission", "add", "--app", appId, "--api", "Microsoft Graph", "--permission", "User.Read.All", "--type", "Application");
        await GatehouseCli.JsonAsync(Fixture.Store, "app", "consent", "--app", appId);
        return (appId, secret.GetProperty("secretText").GetString()!);
    }

    private static Task<HttpResponseMessage> ClientCredentialsAsync(HttpClient http, string appId, string secret) =>
        http.PostAsync($"/{BrowserFixture.TenantId}/oauth2/v2.0/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = appId, ["client_secret"] = secret, ["scope"] = "https://graph.microsoft.com/.default",
        }), TestContext.Current.CancellationToken);

    /// <summary>
    /// The table's rows as text, once it has <paramref name="count"/> of them: the server saves sign-ins in batches after
    /// it answers, so the page is loaded again (with the same filters) for up to ten seconds.
    /// </summary>
    private async Task<IReadOnlyList<string>> RowsOnceAsync(int count)
    {
        var rows = Page.Locator("table.log tbody tr");
        for (var attempt = 0; attempt < 40 && await rows.CountAsync() < count; attempt++)
        {
            await Task.Delay(250, TestContext.Current.CancellationToken);
            await Page.ReloadAsync();
        }

        return await rows.AllInnerTextsAsync();
    }
}
