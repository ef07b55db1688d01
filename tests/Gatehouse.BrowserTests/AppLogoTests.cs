using System.Security.Cryptography;
using System.Text;
using Gatehouse.BrowserTests.Infrastructure;
using Gatehouse.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Gatehouse.BrowserTests;

/// <summary>
/// An app's logo uploaded in its Branding blade: refused unless it is a PNG, JPEG or BMP of at most 100 KB, served as
/// what it is to signed-in callers only, and shown on the blade and on the consent prompt; on SQLite and on PostgreSQL.
/// </summary>
public abstract class AppLogoTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task An_uploaded_logo_is_checked_served_as_an_image_and_shown_on_the_consent_prompt()
    {
        var name = $"Logo app {Guid.NewGuid():N}"[..17];
        var app = await GatehouseCli.JsonAsync(Fixture.Store, "app", "create", "--name", name, "--redirect-uri", "https://localhost/callback");
        var appId = app.GetProperty("appId").GetString()!;
        await GatehouseCli.JsonAsync(Fixture.Store, "app", "permission", "add", "--app", appId, "--api", "Microsoft Graph", "--permission", "Calendars.Read", "--type", "Delegated");
        var upn = $"logo{Guid.NewGuid():N}"[..12] + "@contoso.onmicrosoft.com";
        var password = $"Gh-{RandomNumberGenerator.GetHexString(24, lowercase: true)}-Q7";
        await GatehouseCli.JsonAsync(Fixture.Store, "user", "create", "--upn", upn, "--password", password);
        var branding = $"/applications/{app.GetProperty("id").GetString()}/branding";

        await Fixture.SignInAsAdminAsync(Page);
        await Page.GotoAsync(branding);
        await Expect(Page.GetByTestId("branding-no-logo")).ToBeVisibleAsync();
        var png = await DrawPngAsync();

        await UploadAsync("logo.png", "image/png", Encoding.UTF8.GetBytes("not an image at all"));
        await Expect(Page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("The logo must be a PNG, JPEG or BMP image; this file is none of them.");
        await UploadAsync("logo.svg", "image/svg+xml", Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"));
        await Expect(Page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("The logo must be a PNG, JPEG or BMP image; this file is none of them.");
        await UploadAsync("huge.png", "image/png", [.. png, .. new byte[(100 * 1024) + 1 - png.Length]]);
        await Expect(Page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("The logo must be at most 100 KB; this file is 101 KB.");
        var forged = await Page.EvaluateAsync<int>(
            "async url => { const form = new FormData(); form.append('logo', new Blob([new Uint8Array([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])], { type: 'image/png' }), 'logo.png');"
            + " return (await fetch(url, { method: 'POST', body: form, redirect: 'manual' })).status; }",
            branding + "?handler=Logo");
        Assert.Equal(400, forged);
        await Page.GotoAsync(branding);
        await Expect(Page.GetByTestId("branding-no-logo")).ToBeVisibleAsync();

        await UploadAsync("logo.png", "image/png", png);
        var shown = Page.GetByTestId("branding-logo");
        await Expect(shown).ToHaveJSPropertyAsync("naturalWidth", 64);
        Assert.EndsWith(branding, Page.Url, StringComparison.Ordinal);
        await ShotsAsync("branding-logo");

        var logoUrl = (await shown.GetAttributeAsync("src"))!;
        var served = (await Page.GotoAsync(logoUrl))!;
        Assert.Equal(200, served.Status);
        Assert.Equal("image/png", served.Headers["content-type"]);
        Assert.Equal("nosniff", served.Headers["x-content-type-options"]);
        Assert.Contains("sandbox", served.Headers["content-security-policy"], StringComparison.Ordinal);
        Assert.Contains("immutable", served.Headers["cache-control"], StringComparison.Ordinal);
        Assert.Equal(png, await served.BodyAsync());
        await using (var stranger = await Fixture.NewContextAsync())
        {
            var page = await stranger.NewPageAsync();
            await page.GotoAsync(logoUrl);
            await Expect(page.GetByLabel("Password", new() { Exact = true })).ToBeVisibleAsync();
            Assert.Contains("/signin", page.Url, StringComparison.Ordinal);
        }

        await using (var person = await Fixture.NewContextAsync())
        {
            var page = await person.NewPageAsync();
            await page.GotoAsync($"/{BrowserFixture.TenantId}/oauth2/v2.0/authorize?client_id={appId}&response_type=code"
                + $"&redirect_uri={Uri.EscapeDataString("https://localhost/callback")}&scope={Uri.EscapeDataString("openid Calendars.Read")}");
            await BrowserFixture.SignInAsync(page, upn, password);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Permissions requested", Exact = true })).ToBeVisibleAsync();
            var logo = page.GetByTestId("consent-app").GetByRole(AriaRole.Img, new() { Name = $"{name} logo" });
            await Expect(logo).ToHaveJSPropertyAsync("naturalWidth", 64);
            await Expect(page.GetByTestId("consent-publisher")).ToContainTextAsync("unverified");
            await BrowserFixture.ScreenshotAsync(page, "consent-logo-1280");
            await page.SetViewportSizeAsync(360, 760);
            await BrowserFixture.ScreenshotAsync(page, "consent-logo-360");
        }

        await Page.GotoAsync(branding);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Remove logo" }).ClickAsync();
        await Expect(Page.GetByTestId("branding-no-logo")).ToBeVisibleAsync();
        // The browser may keep the old address for good (immutable); the server no longer answers it.
        Assert.Equal(404, await Page.EvaluateAsync<int>("async url => (await fetch(url, { cache: 'no-store' })).status", logoUrl));
    }

    private async Task UploadAsync(string fileName, string mimeType, byte[] content)
    {
        await Page.GetByLabel("Upload new logo").SetInputFilesAsync(new FilePayload { Name = fileName, MimeType = mimeType, Buffer = content });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Upload", Exact = true }).ClickAsync();
    }

    /// <summary>A 64×64 PNG as chromium's canvas encodes it: a real image, not bytes that only begin like one.</summary>
    private async Task<byte[]> DrawPngAsync()
    {
        var dataUrl = await Page.EvaluateAsync<string>(
            "() => { const c = document.createElement('canvas'); c.width = c.height = 64; const g = c.getContext('2d');"
            + " g.fillStyle = '#0b6a0b'; g.fillRect(0, 0, 64, 64); g.fillStyle = '#fff'; g.fillRect(16, 16, 32, 32); return c.toDataURL('image/png'); }");
        return Convert.FromBase64String(dataUrl[(dataUrl.IndexOf(',', StringComparison.Ordinal) + 1)..]);
    }

    private async Task ShotsAsync(string name)
    {
        await ScreenshotAsync(name + "-1280");
        await Page.SetViewportSizeAsync(360, 800);
        await ScreenshotAsync(name + "-360");
        await Page.SetViewportSizeAsync(1280, 800);
    }
}

public sealed class AppLogoTestsOnSqlite(BrowserFixture fixture) : AppLogoTests(fixture), IClassFixture<BrowserFixture>;

[Trait(StoreTrait.Name, StoreTrait.Postgres)]
public sealed class AppLogoTestsOnPostgres(PostgresBrowserFixture fixture) : AppLogoTests(fixture), IClassFixture<PostgresBrowserFixture>;
