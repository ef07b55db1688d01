using System.Security.Cryptography;
using Gatehouse.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Gatehouse.BrowserTests;

/// <summary>The browser plumbing itself: Debian's chromium found, the server's own certificate accepted, screenshots written.</summary>
public sealed class HealthPageTests(BrowserFixture fixture) : BrowserTest(fixture), IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Browser_opens_healthz_over_https_with_the_servers_certificate_and_sees_Healthy()
    {
        var response = await Page.GotoAsync("/healthz");

        Assert.NotNull(response);
        Assert.Equal(200, response.Status);
        Assert.StartsWith("https://127.0.0.1:", Page.Url, StringComparison.Ordinal);
        Assert.Equal("Healthy", (await Page.Locator("body").InnerTextAsync()).Trim());
        var screenshot = await ScreenshotAsync("healthz");
        Assert.True(new FileInfo(screenshot).Length > 0, $"no screenshot at {screenshot}");
    }

    /// <summary>The certificate is trusted because its key is pinned, not because certificate errors are ignored.</summary>
    [Fact]
    public async Task Browser_pinned_to_another_key_refuses_the_servers_certificate()
    {
        using var otherKey = RSA.Create(2048);
        await using var browser = await DebianChromium.LaunchAsync(Fixture.Playwright, DebianChromium.SpkiPin(otherKey.ExportSubjectPublicKeyInfo()));
        var page = await browser.NewPageAsync();

        var refusal = await Assert.ThrowsAsync<PlaywrightException>(() => page.GotoAsync($"{Fixture.BaseUrl}/healthz"));

        Assert.Contains("ERR_CERT_", refusal.Message, StringComparison.Ordinal);
    }

    /// <summary>The portal's copy buttons are checked through the clipboard, which the server's origin must be allowed to use.</summary>
    [Fact]
    public async Task Clipboard_granted_to_the_servers_origin_reads_back_what_the_page_wrote()
    {
        await Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"], new() { Origin = Fixture.BaseUrl });
        await Page.GotoAsync("/healthz");

        await Page.EvaluateAsync("text => navigator.clipboard.writeText(text)", "copied-value");

        Assert.Equal("copied-value", await Page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));
    }
}
