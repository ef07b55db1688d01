using Gatehouse.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Gatehouse.BrowserTests;

/// <summary>
/// README's seed story, run from README's own text: each `$` line of its console blocks typed into one bash, its
/// printed output checked against what README shows, and the browser step README describes (sign in at the hub's
/// oauthUrl, take the code from the callback address) done in chromium. Two lines differ from what a reader types, and
/// only in where things are: the build is the one the tests already made, and the alias runs that build.
/// </summary>
public sealed class ReadmeSeedStoryTests
{
    private const string Heading = "## The seed story from the command line";
    private const string BuildLine = "dotnet build -c Release src/Gatehouse";
    private const string BuiltAssembly = "$PWD/src/Gatehouse/bin/Release/net10.0/gatehouse.dll";
    private const string CodeLine = "CODE='the code from the address bar'";
    private const string Callback = "https://localhost/callback";
    private static readonly TimeSpan StepTimeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task The_seed_story_runs_as_README_prints_it_from_registration_to_a_call_through_the_instance()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var steps = ReadmeConsole.Steps(await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "README.md"), cancellationToken), Heading);
        Assert.Equal(BuildLine, steps[0].Command);
        Assert.Contains(steps, s => s.Command == CodeLine);
        var home = Directory.CreateTempSubdirectory("gatehouse-readme-");
        try
        {
            using var shell = ShellSession.Start(home.FullName);
            var previousOutput = "";
            foreach (var step in steps.Skip(1))
            {
                var command = step.Command switch
                {
                    CodeLine => $"CODE='{await SignInAtAsync(previousOutput, home.FullName, cancellationToken)}'",
                    var alias when alias.Contains(BuiltAssembly, StringComparison.Ordinal) => alias.Replace(BuiltAssembly, GatehouseExecutable.Path, StringComparison.Ordinal),
                    var typed => typed,
                };
                var (exitCode, output) = await shell.RunAsync(command, StepTimeout, cancellationToken);
                Assert.True(exitCode == 0, $"`{step.Command}` exited {exitCode}:\n{output}");
                var collapsed = ConsoleStep.Collapse(output);
                foreach (var expected in step.ExpectedFragments)
                {
                    Assert.True(collapsed.Contains(expected, StringComparison.Ordinal), $"`{step.Command}` printed\n{output}\nwhich lacks README's \"{expected}\".");
                }

                previousOutput = output;
            }
        }
        finally
        {
            home.Delete(recursive: true);
        }
    }

    /// <summary>What README asks of the reader at the oauthUrl: sign in as the administrator, read the code off the callback address.</summary>
    private static async Task<string> SignInAtAsync(string oauthUrl, string home, CancellationToken cancellationToken)
    {
        Assert.StartsWith("https://localhost:5443/", oauthUrl, StringComparison.Ordinal);
        var data = Path.Combine(home, ".gatehouse");
        var password = (await File.ReadAllTextAsync(Path.Combine(data, "admin-password.txt"), cancellationToken)).Trim();
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await DebianChromium.LaunchAsync(playwright, DebianChromium.SpkiPin(Path.Combine(data, "tls.pem")));
        var page = await browser.NewPageAsync();
        var callback = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        await page.RouteAsync(Callback + "**", async route =>
        {
            callback.TrySetResult(route.Request.Url);
            await route.FulfillAsync(new() { Status = 404, ContentType = "text/plain", Body = "Nothing answers here." });
        });

        await page.GotoAsync(oauthUrl);
        await BrowserFixture.SignInAsync(page, BrowserFixture.AdminUpn, password);
        var query = System.Web.HttpUtility.ParseQueryString(new Uri(await callback.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken)).Query);
        Assert.Equal("x", query["state"]);
        return query["code"] ?? throw new InvalidOperationException("The callback address has no code.");
    }
}
