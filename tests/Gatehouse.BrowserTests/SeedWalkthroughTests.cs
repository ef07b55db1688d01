using Gatehouse.BrowserTests.Infrastructure;
using Gatehouse.Tests.Infrastructure;
using Microsoft.Identity.Client;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Gatehouse.BrowserTests;

/// <summary>
/// "Microsoft Office 365 API Provider Setup" (the seed document) done in the portal as a person does it: register an
/// app, record its Application (client) ID, make a never-expiring client secret and copy its value, request the Graph
/// and Azure AD Graph permissions, grant admin consent, and then use the ID and secret with MSAL.
/// </summary>
public sealed class SeedWalkthroughTests(BrowserFixture fixture) : BrowserTest(fixture), IClassFixture<BrowserFixture>
{
    private const string NewSecretHint = "Copy the new client secret value. You won't be able to retrieve it after you leave this blade.";
    private const string Granted = $"Granted for {BrowserFixture.TenantName}";

    private static readonly (string Permission, string Type)[] AzureAdGraphPermissions =
    [
        ("Application.ReadWrite.All", "Application"),
        ("Device.ReadWrite.All", "Application"),
        ("Directory.ReadWrite.All", "Application"),
        ("Domain.ReadWrite.All", "Application"),
        ("Member.Read.Hidden", "Application"),
        ("Directory.ReadWrite.All", "Delegated"),
        ("Group.ReadWrite.All", "Delegated"),
        ("User.ReadBasic.All", "Delegated"),
    ];

    [Fact]
    public async Task Admin_registers_myCoolInstance_with_a_never_expiring_secret_and_consented_permissions_that_MSAL_can_use()
    {
        await Page.GotoAsync("/");
        await ScreenshotAsync("sign-in");
        await Fixture.SignInAsAdminAsync(Page);

        // Register an application.
        await Page.GetByRole(AriaRole.Link, new() { Name = "App registrations", Exact = true }).First.ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "App registrations" })).ToBeVisibleAsync();
        await ScreenshotAsync("app-registrations");
        await Page.GetByRole(AriaRole.Link, new() { Name = "New registration", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Register an application", Exact = true })).ToBeVisibleAsync();
        await Page.GetByLabel("Name", new() { Exact = true }).FillAsync("myCoolInstance");
        await ScreenshotAsync("register-an-application");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Register", Exact = true }).ClickAsync();

        // Record the Application (client) ID from the Overview blade.
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "myCoolInstance" })).ToBeVisibleAsync();
        var clientId = Guid.Parse((await Page.Locator("[data-testid=application-client-id]").InnerTextAsync()).Trim()).ToString();
        var tenantId = Guid.Parse((await Page.Locator("[data-testid=directory-tenant-id]").InnerTextAsync()).Trim()).ToString();
        Assert.Equal(BrowserFixture.TenantId, tenantId);
        await ScreenshotAsync("overview");

        // Generate and record the client secret.
        await NavigateAsync("Certificates & secrets");
        await ScreenshotAsync("certificates-and-secrets");
        await ButtonOrLink("New client secret").ClickAsync();
        await Page.GetByLabel("Description", new() { Exact = true }).FillAsync("myCoolSecret");
        await Page.GetByRole(AriaRole.Radio, new() { Name = "Never", Exact = true }).CheckAsync();
        await ScreenshotAsync("add-a-client-secret");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }).ClickAsync();

        var secretValue = (await Page.Locator("[data-testid=new-secret-value]").InnerTextAsync()).Trim();
        Assert.False(string.IsNullOrEmpty(secretValue), "the new secret's value is not shown");
        await Expect(Page.GetByText(NewSecretHint, new() { Exact = true })).ToBeVisibleAsync();
        // The seed's row: "myCoolSecret 12/31/2299", 'never' being that instant.
        await Expect(SecretRow()).ToContainTextAsync("12/31/2299");
        await ScreenshotAsync("new-client-secret-value");

        // The value's copy button is the blade's first (the Secret ID's follows it, as in Entra).
        await Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"], new() { Origin = Fixture.BaseUrl });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Copy to clipboard", Exact = true }).First.ClickAsync();
        Assert.Equal(secretValue, await Page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));

        // Set the app's permissions.
        await NavigateAsync("API permissions");
        await ScreenshotAsync("api-permissions");
        await AddPermissionAsync("Microsoft Graph", "Delegated", "Calendars.ReadWrite", filter: "Calendars");
        foreach (var (permission, type) in AzureAdGraphPermissions)
        {
            await AddPermissionAsync("Azure Active Directory Graph", type, permission, filter: permission);
        }

        await Expect(GroupRow("Microsoft Graph (1)")).ToHaveCountAsync(1);
        await Expect(GroupRow("Azure Active Directory Graph (8)")).ToHaveCountAsync(1);
        await Expect(PermissionRows()).ToHaveCountAsync(1 + AzureAdGraphPermissions.Length);
        foreach (var (permission, type) in AzureAdGraphPermissions.Append(("Calendars.ReadWrite", "Delegated")))
        {
            await Expect(PermissionRow(permission, type)).ToHaveCountAsync(1);
        }

        await ScreenshotAsync("api-permissions-requested");

        await Page.GetByRole(AriaRole.Button, new() { Name = $"Grant admin consent for {BrowserFixture.TenantName}", Exact = true }).ClickAsync();
        await ScreenshotAsync("grant-admin-consent-confirmation");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Yes", Exact = true }).ClickAsync();
        await Expect(PermissionRows().Filter(new() { HasText = Granted })).ToHaveCountAsync(1 + AzureAdGraphPermissions.Length);
        foreach (var row in await PermissionRows().AllAsync())
        {
            await Expect(row).ToContainTextAsync(Granted);
        }

        await ScreenshotAsync("api-permissions-granted");

        // Back on Certificates & secrets the value is gone for good: only its hint, the first 3 characters, remains.
        await NavigateAsync("Certificates & secrets");
        await Expect(SecretRow()).ToContainTextAsync(secretValue[..3]);
        await Expect(Page.Locator("[data-testid=new-secret-value]")).ToHaveCountAsync(0);
        await Expect(Page.GetByText(NewSecretHint)).ToHaveCountAsync(0);
        Assert.DoesNotContain(secretValue, await Page.ContentAsync(), StringComparison.Ordinal);
        await ScreenshotAsync("certificates-and-secrets-after-leaving");

        // The connector's side: the recorded client ID and secret get a token carrying the consented roles.
        using var http = new TrustingMsalHttpClientFactory(Fixture.Server.Pin.CreateHandler());
        var msal = ConfidentialClientApplicationBuilder.Create(clientId)
            .WithAuthority($"{Fixture.BaseUrl}/{tenantId}", validateAuthority: false)
            .WithInstanceDiscovery(false)
            .WithClientSecret(secretValue)
            .WithHttpClientFactory(http)
            .Build();
        var result = await msal.AcquireTokenForClient(["https://graph.windows.net/.default"])
            .ExecuteAsync(TestContext.Current.CancellationToken);

        var roles = Jwt.Payload(result.AccessToken).GetProperty("roles").EnumerateArray().Select(r => r.GetString()!).Order(StringComparer.Ordinal);
        var applicationPermissions = AzureAdGraphPermissions.Where(p => p.Type == "Application").Select(p => p.Permission).Order(StringComparer.Ordinal);
        Assert.Equal(applicationPermissions, roles);
    }

    /// <summary>A blade of the app's left-hand navigation, then its heading ("myCoolInstance - {blade}").</summary>
    private async Task NavigateAsync(string blade)
    {
        await Page.GetByRole(AriaRole.Link, new() { Name = blade, Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = blade })).ToBeVisibleAsync();
    }

    /// <summary>Add a permission → the API → the permission type → filter → tick → Add permissions.</summary>
    private async Task AddPermissionAsync(string api, string type, string permission, string filter)
    {
        await ButtonOrLink("Add a permission").ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Request API permissions", Exact = true })).ToBeVisibleAsync();
        await ButtonOrLink(api).ClickAsync();
        await ButtonOrLink($"{type} permissions").ClickAsync();
        await Page.GetByLabel("Start typing a permission to filter these results", new() { Exact = true }).FillAsync(filter);
        await Page.GetByRole(AriaRole.Checkbox, new() { Name = permission, Exact = true }).CheckAsync();
        await ScreenshotAsync($"request-api-permissions-{api}-{type}-{permission}");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add permissions", Exact = true }).ClickAsync();
        await Expect(PermissionRow(permission, type)).ToHaveCountAsync(1);
    }

    private ILocator ButtonOrLink(string name) =>
        Page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true })
            .Or(Page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }))
            .Or(Page.GetByRole(AriaRole.Radio, new() { Name = name, Exact = true }));

    private ILocator SecretRow() => Page.GetByRole(AriaRole.Row).Filter(new() { HasText = "myCoolSecret" });

    private ILocator GroupRow(string text) => Page.GetByRole(AriaRole.Row).Filter(new() { HasText = text });

    /// <summary>The permission rows of the API permissions table: those whose TYPE cell is Application or Delegated.</summary>
    private ILocator PermissionRows() => Page.GetByRole(AriaRole.Row).Filter(new()
    {
        Has = Page.GetByRole(AriaRole.Cell, new() { Name = "Application", Exact = true })
            .Or(Page.GetByRole(AriaRole.Cell, new() { Name = "Delegated", Exact = true })),
    });

    private ILocator PermissionRow(string permission, string type) => Page.GetByRole(AriaRole.Row)
        .Filter(new() { Has = Page.GetByRole(AriaRole.Cell, new() { Name = permission, Exact = true }) })
        .Filter(new() { Has = Page.GetByRole(AriaRole.Cell, new() { Name = type, Exact = true }) });
}
