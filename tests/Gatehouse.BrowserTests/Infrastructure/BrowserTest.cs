using Microsoft.Playwright;

namespace Gatehouse.BrowserTests.Infrastructure;

/// <summary>
/// A test with its own browser context and page on the class's shared server and browser. A failed test leaves a
/// screenshot of every page it had open, and the server's output in the test's output.
/// </summary>
public abstract class BrowserTest(BrowserFixture fixture) : IAsyncLifetime
{
    private IBrowserContext? context;

    protected BrowserFixture Fixture { get; } = fixture;

    protected IPage Page { get; private set; } = null!;

    protected IBrowserContext Context => context!;

    public async ValueTask InitializeAsync()
    {
        context = await Fixture.NewContextAsync();
        Page = await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (context is null)
        {
            return;
        }

        var test = TestContext.Current;
        if (test.TestState?.Result == TestResult.Failed)
        {
            foreach (var page in context.Pages.Where(p => !p.IsClosed))
            {
                var path = await BrowserFixture.ScreenshotAsync(page, "failure");
                test.TestOutputHelper?.WriteLine($"Screenshot of {page.Url} at failure: {path}");
            }

            test.TestOutputHelper?.WriteLine("Server output:\n" + Fixture.Server.Output);
        }

        await context.CloseAsync();
        GC.SuppressFinalize(this);
    }

    protected Task<string> ScreenshotAsync(string name) => BrowserFixture.ScreenshotAsync(Page, name);
}
