using System.Text;
using System.Text.Encodings.Web;

namespace Gatehouse.Identity.Protocol;

/// <summary>
/// A page the token service shows the person itself, in the portal's style, with the request ID to quote; the portal's
/// pages show it too when they fail.
/// </summary>
internal sealed class TokenServicePage(int status, string title, string heading, string bodyHtml) : IResult
{
    /// <summary>The addresses this page loads in hidden iframes, and so the only ones its Content-Security-Policy lets it frame.</summary>
    private IReadOnlyList<Uri> FrameUrls { get; init; } = [];

    /// <summary>A script of the server's own that the page runs, if any.</summary>
    private string? Script { get; init; }

    /// <summary>An error that must not go to the redirect URI (it is unknown or not the app's): shown to the person.</summary>
    public static TokenServicePage Error(AadstsError error) =>
        new(StatusCodes.Status400BadRequest, "Sign in", "Sorry, but we're having trouble signing you in.", Alert(error));

    /// <summary>A request the server could not finish (a bug, the store out of reach), with the error's own status.</summary>
    public static TokenServicePage Failure(AadstsError error, string heading) => new(error.Status, "Error", heading, Alert(error));

    /// <summary>The end of a sign-out; a 400 that says so when the post_logout_redirect_uri was not the app's.</summary>
    public static TokenServicePage SignedOut(bool refusedRedirect) => SignedOut(refusedRedirect, [], continueTo: null);

    /// <summary>
    /// The end of a sign-out that loads each of <paramref name="frontChannelLogout"/> in a hidden iframe (OpenID Connect
    /// Front-Channel Logout 1.0 §4) and then, with script, continues to <paramref name="continueTo"/> (the registered
    /// post_logout_redirect_uri with its state) once they have loaded; without script, the person follows the link.
    /// </summary>
    public static TokenServicePage SignedOut(bool refusedRedirect, IReadOnlyList<Uri> frontChannelLogout, string? continueTo)
    {
        var body = new StringBuilder("<p>It's a good idea to close all browser windows.</p>");
        if (refusedRedirect)
        {
            body.Append("<p class=\"error\" role=\"alert\" data-testid=\"aadsts-error\">The post_logout_redirect_uri is not a redirect URI registered on the application, so you were not sent back to it.</p>");
        }

        foreach (var url in frontChannelLogout)
        {
            body.Append("<iframe hidden title=\"Signing you out of an app\" data-testid=\"front-channel-logout\" src=\"")
                .Append(HtmlEncoder.Default.Encode(url.AbsoluteUri)).Append("\"></iframe>");
        }

        if (continueTo is not null)
        {
            body.Append("<p><a id=\"continue\" class=\"button primary\" href=\"").Append(HtmlEncoder.Default.Encode(continueTo)).Append("\">Continue</a></p>");
        }

        return new(refusedRedirect ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK, "Sign out", "You signed out of your account", body.ToString())
        {
            FrameUrls = frontChannelLogout,
            Script = frontChannelLogout.Count > 0 && continueTo is not null ? "/signed-out.js" : null,
        };
    }

    /// <summary>
    /// A sign-out request that named another account than the session's (logout_hint, or the sid of id_token_hint): the
    /// person confirms before the session ends, by posting <paramref name="fields"/> back to <paramref name="action"/>.
    /// </summary>
    public static TokenServicePage ConfirmSignOut(string? account, string action, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var form = new StringBuilder("<form method=\"post\" action=\"").Append(HtmlEncoder.Default.Encode(action)).Append("\">");
        foreach (var (name, value) in fields)
        {
            form.Append("<input type=\"hidden\" name=\"").Append(HtmlEncoder.Default.Encode(name))
                .Append("\" value=\"").Append(HtmlEncoder.Default.Encode(value)).Append("\">");
        }

        form.Append("<button type=\"submit\" class=\"primary\" data-testid=\"sign-out\">Sign out</button></form>");
        return new(StatusCodes.Status200OK, "Sign out", "Sign out of this account?",
            $"<p>You're signed in as <strong>{HtmlEncoder.Default.Encode(account ?? "")}</strong>, not as the account the app asked to sign out.</p>{form}");
    }

    private static string Alert(AadstsError error) =>
        $"<p class=\"error\" role=\"alert\" data-testid=\"aadsts-error\">{HtmlEncoder.Default.Encode($"AADSTS{error.Code}: {error.Message}")}</p>";

    public async Task ExecuteAsync(HttpContext context)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = "text/html; charset=utf-8";
        TokenServiceHeaders.NoStore(response);
        PageHeaders.Apply(response, FrameUrls);
        var script = Script is null ? "" : $"<script src=\"{Script}\"></script>";
        await response.WriteAsync(
            $"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>{title} - Gatehouse</title><link rel="stylesheet" href="/portal.css">{script}</head>
            <body><main id="main"><section class="panel"><h1>{heading}</h1>
            {bodyHtml}
            <p>Request Id: {HtmlEncoder.Default.Encode(TokenServiceHeaders.RequestId(context))}</p></section></main></body></html>
            """,
            context.RequestAborted);
    }
}
