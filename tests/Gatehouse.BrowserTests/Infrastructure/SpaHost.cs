using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;

namespace Gatehouse.BrowserTests.Infrastructure;

/// <summary>
/// The single-page app's own web server: the static files of tests/Gatehouse.BrowserTests/Spa (its page, its script and
/// @azure/msal-browser from node_modules) on two origins of http://localhost, another site than the server's
/// https://127.0.0.1 and, as loopback, a secure context. Only the first origin is registered with Gatehouse.
/// </summary>
public sealed class SpaHost : IAsyncDisposable
{
    /// <summary>The browser bundle (UMD, global <c>msal</c>) index.html loads, relative to the Spa folder.</summary>
    public const string MsalBundle = "node_modules/@azure/msal-browser/lib/msal-browser.min.js";

    private readonly WebApplication app;

    private SpaHost(WebApplication app, string origin, string otherOrigin)
    {
        this.app = app;
        Origin = origin;
        OtherOrigin = otherOrigin;
    }

    /// <summary>The origin registered as the app's spa redirect URI, http://localhost:port without a trailing slash.</summary>
    public string Origin { get; }

    /// <summary>The same pages on an origin no app registers.</summary>
    public string OtherOrigin { get; }

    public static string Folder { get; } = Path.Combine(RepositoryPaths.Root, "tests", "Gatehouse.BrowserTests", "Spa");

    public static async Task<SpaHost> StartAsync()
    {
        if (!File.Exists(Path.Combine(Folder, MsalBundle)))
        {
            throw new InvalidOperationException(
                $"@azure/msal-browser is not installed: {Path.Combine(Folder, MsalBundle)} is missing. "
                + $"Run `npm ci` in {Folder} (scripts/test does), which installs the version package-lock.json pins.");
        }

        var origin = $"http://localhost:{LoopbackPort.Free()}";
        var otherOrigin = $"http://localhost:{LoopbackPort.Free()}";
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(origin, otherOrigin);
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var files = new PhysicalFileProvider(Folder);
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files, ServeUnknownFileTypes = false });
        await app.StartAsync();
        return new SpaHost(app, origin, otherOrigin);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
