using Gatehouse.DirectoryObjects.Applications;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gatehouse.Portal.Applications;

/// <summary>
/// Authentication: redirect URIs per platform (each added or removed at once), then the front-channel logout URL, the
/// implicit grant and hybrid flows' tokens, supported account types and public client flows, saved together.
/// </summary>
internal sealed class AuthenticationModel(PortalAccess access, ApplicationSettings settings) : AppBladeModel(access)
{
    public static IReadOnlyList<(RedirectPlatform Platform, string Name, string Hint)> Platforms { get; } =
    [
        (RedirectPlatform.Web, "Web", "Build, host, and deploy a web server application."),
        (RedirectPlatform.Spa, "Single-page application", "Configure browser client applications and progressive web applications. Javascript."),
        (RedirectPlatform.PublicClient, "Mobile and desktop applications", "Windows, UWP, Console, IoT & Limited-entry Devices, Classic iOS + Android."),
    ];

    public override string Blade => "Authentication";

    public AuthenticationSettings Settings { get; private set; } = null!;

    public RedirectPlatform AddingPlatform { get; private set; } = RedirectPlatform.Web;

    public string? AddingUri { get; private set; }

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await OpenAsync() is { } refused)
        {
            return refused;
        }

        Settings = AuthenticationSettings.Of(App);
        return Page();
    }

    public async Task<IActionResult> OnPostAddRedirectUriAsync(RedirectPlatform? platform, string? redirectUri)
    {
        if (await OpenAsync() is { } refused)
        {
            return refused;
        }

        AddingPlatform = platform ?? RedirectPlatform.Web;
        AddingUri = redirectUri;
        if (platform is null)
        {
            return Refused("Select a platform: Web, Single-page application, or Mobile and desktop applications.", AuthenticationSettings.Of(App));
        }

        var added = await settings.AddRedirectUriAsync(App, platform.Value, redirectUri ?? "", HttpContext.RequestAborted);
        return added.Succeeded ? Saved() : Refused(added.Error.Message, AuthenticationSettings.Of(App));
    }

    public async Task<IActionResult> OnPostRemoveRedirectUriAsync(RedirectPlatform? platform, string? redirectUri)
    {
        if (await OpenAsync() is { } refused)
        {
            return refused;
        }

        if (platform is null)
        {
            return Refused("Select the platform of the redirect URI to remove.", AuthenticationSettings.Of(App));
        }

        var removed = await settings.RemoveRedirectUriAsync(App, platform.Value, redirectUri ?? "", HttpContext.RequestAborted);
        return removed.Succeeded ? Saved() : Refused(removed.Error.Message, AuthenticationSettings.Of(App));
    }

    public async Task<IActionResult> OnPostSaveAsync(string? logoutUrl, string? signInAudience, bool allowPublicClientFlows, bool idTokens, bool accessTokens)
    {
        if (await OpenAsync() is { } refused)
        {
            return refused;
        }

        var wanted = new AuthenticationSettings(logoutUrl, signInAudience ?? "", allowPublicClientFlows, idTokens, accessTokens);
        var saved = await settings.SetAuthenticationAsync(App, wanted, HttpContext.RequestAborted);
        return saved.Succeeded ? Saved() : Refused(saved.Error.Message, wanted);
    }

    private RedirectResult Saved() => Redirect($"/applications/{App.Id}/authentication");

    /// <summary>The blade again with the refusal and what the person entered, so they can correct it.</summary>
    private PageResult Refused(string problem, AuthenticationSettings entered)
    {
        Problem = problem;
        Settings = entered;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
