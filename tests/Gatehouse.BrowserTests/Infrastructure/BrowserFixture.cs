using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Playwright;

namespace Gatehouse.BrowserTests.Infrastructure;

/// <summary>
/// One real Gatehouse server over a fresh SQLite store and one headless Debian chromium, shared by one test class.
/// Each test gets its own browser context (cookies, storage, permissions) through <see cref="BrowserTest"/>.
/// <see cref="PostgresBrowserFixture"/> is the same over a fresh PostgreSQL database.
/// </summary>
public class BrowserFixture : IAsyncLifetime
{
    public const string TenantId = "11111111-1111-4111-8111-111111111111";
    public const string TenantName = "Default Directory";
    public const string AdminUpn = "admin@contoso.onmicrosoft.com";

    private static readonly ConcurrentDictionary<string, int> ScreenshotCounts = new();

    public BrowserFixture()
        : this(TestStore.Sqlite())
    {
    }

    protected BrowserFixture(TestStore store) => Store = store;

    public TestStore Store { get; }

    /// <summary>
    /// The first administrator's password, given to the server as GATEHOUSE_ADMIN_PASSWORD at first start: new for
    /// every fixture and of three character kinds, so that it is neither well known nor refused by the password rules.
    /// </summary>
    public string AdminPassword { get; } = $"Gh-{RandomNumberGenerator.GetHexString(24, lowercase: true)}-Q7";

    public InProcessGatehouse Server { get; private set; } = null!;

    public IPlaywright Playwright { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>https://127.0.0.1:port, no trailing slash.</summary>
    public string BaseUrl => Server.BaseAddress.ToString().TrimEnd('/');

    /// <summary>TestResults/screenshots under the repository root (gitignored).</summary>
    public static string ScreenshotRoot { get; } = Path.Combine(RepositoryPaths.Root, "TestResults", "screenshots");

    public async ValueTask InitializeAsync()
    {
        // Belt and braces: nothing here runs `playwright install`, and the driver must not fetch a browser either.
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        var chromium = DebianChromium.Locate();
        Server = await InProcessGatehouse.StartAsync(Store, new Dictionary<string, string> { ["GATEHOUSE_ADMIN_PASSWORD"] = AdminPassword });
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Assertions.SetDefaultExpectTimeout(10_000);
        try
        {
            Browser = await DebianChromium.LaunchAsync(Playwright, DebianChromium.SpkiPin(Path.Combine(Store.DataFolder, "tls.pem")));
        }
        catch (PlaywrightException e)
        {
            throw new InvalidOperationException($"Playwright could not start {chromium}: {e.Message}", e);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        Playwright?.Dispose();
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }

        Store.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>A new, isolated browser context at 1280×800 whose relative URLs resolve against the server.</summary>
    public async Task<IBrowserContext> NewContextAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
            Locale = "en-US",
            TimezoneId = "UTC",
        });
        context.SetDefaultTimeout(15_000);
        return context;
    }

    /// <summary>
    /// Fills the portal's sign-in form (opening the portal first if the page is blank) and waits until the form is
    /// gone, which is what a signed-in page looks like.
    /// </summary>
    public static async Task SignInAsync(IPage page, string upn, string password)
    {
        if (page.Url == "about:blank")
        {
            await page.GotoAsync("/");
        }

        await page.GetByLabel("Email or username", new() { Exact = true }).FillAsync(upn);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        try
        {
            await Assertions.Expect(page.GetByLabel("Password", new() { Exact = true })).ToHaveCountAsync(0);
        }
        catch (PlaywrightException e)
        {
            await ScreenshotAsync(page, "sign-in-refused");
            throw new InvalidOperationException($"Signing in as {upn} did not leave the sign-in form ({page.Url}): {e.Message}", e);
        }
    }

    /// <summary>Signs in as the first administrator, the Global Administrator the server made at first start.</summary>
    public Task SignInAsAdminAsync(IPage page) => SignInAsync(page, AdminUpn, AdminPassword);

    /// <summary>
    /// Saves a full-page PNG as TestResults/screenshots/{test class}/{test method}/{NN}-{name}.png and returns its
    /// path. NN counts the test's screenshots so the folder reads in the order the blades were visited; a test's
    /// folder from an earlier run is emptied on its first screenshot.
    /// </summary>
    public static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        var test = TestContext.Current;
        var folder = Path.Combine(
            ScreenshotRoot,
            FileName(test.TestClass?.TestClassSimpleName ?? "unknown-class"),
            FileName(test.TestMethod?.MethodName ?? "unknown-test"));
        var number = ScreenshotCounts.AddOrUpdate(folder, 1, (_, n) => n + 1);
        if (number == 1 && Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"{number:00}-{FileName(name)}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    private static string FileName(string text)
    {
        var invalid = Path.GetInvalidFileNameChars();
        return new string([.. text.Select(c => invalid.Contains(c) || char.IsWhiteSpace(c) ? '-' : c)]);
    }
}
