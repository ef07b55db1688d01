using System.Text.Encodings.Web;

namespace Gatehouse.Identity.Protocol;

/// <summary>
/// A page the token service shows the person itself, in the portal's style, with the request ID to quote; the portal's
/// pages show it too when they fail.
/// </summary>
internal sealed class TokenServicePage(int status, string title, string heading, string bodyHtml) : IResult
{
    /// <summary>An error that must not go to the redirect URI (it is unknown or not the app's): shown to the person.</summary>
    public static TokenServicePage Error(AadstsError error) =>
        new(StatusCodes.Status400BadRequest, "Sign in", "Sorry, but we're having trouble signing you in.", Alert(error));

    /// <summary>A request the server could not finish (a bug, the store out of reach), with the error's own status.</summary>
    public static TokenServicePage Failure(AadstsError error, string heading) => new(error.Status, "Error", heading, Alert(error));

    /// <summary>The end of a sign-out; a 400 that says so when the post_logout_redirect_uri was not the app's.</summary>
    public static TokenServicePage SignedOut(bool refusedRedirect) => new(
        refusedRedirect ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK,
        "Sign out",
        "You signed out of your account",
        "<p>It's a good idea to close all browser windows.</p>" + (refusedRedirect
            ? "<p class=\"error\" role=\"alert\" data-testid=\"aadsts-error\">The post_logout_redirect_uri is not a redirect URI registered on the application, so you were not sent back to it.</p>"
            : ""));

    private static string Alert(AadstsError error) =>
        $"<p class=\"error\" role=\"alert\" data-testid=\"aadsts-error\">{HtmlEncoder.Default.Encode($"AADSTS{error.Code}: {error.Message}")}</p>";

    public async Task ExecuteAsync(HttpContext context)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = "text/html; charset=utf-8";
        TokenServiceHeaders.NoStore(response);
        PageHeaders.Apply(response);
        await response.WriteAsync(
            $"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>{title} - Gatehouse</title><link rel="stylesheet" href="/portal.css"></head>
            <body><main id="main"><section class="panel"><h1>{heading}</h1>
            {bodyHtml}
            <p>Request Id: {HtmlEncoder.Default.Encode(TokenServiceHeaders.RequestId(context))}</p></section></main></body></html>
            """,
            context.RequestAborted);
    }
}
