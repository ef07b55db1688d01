using System.Text.Encodings.Web;
using Gatehouse.Identity.Authorize;
using Microsoft.AspNetCore.Authentication;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Gatehouse.Identity.Logout;

/// <summary>
/// GET/POST /{tenant}/oauth2/v2.0/logout and v1.0's /{tenant}/oauth2/logout (OpenID Connect RP-Initiated Logout §2–3):
/// ends the server's one sign-in session, then sends the person to post_logout_redirect_uri only if it is a redirect URI
/// registered on the app the request names (client_id, or the aud of id_token_hint); anything else is a page, so the
/// endpoint is no open redirect.
/// </summary>
internal sealed class LogoutEndpoint(DelegatedScopes delegated)
{
    public async Task HandleAsync(HttpContext context)
    {
        TokenServiceHeaders.Stamp(context);
        var parameters = await AuthorizeEndpoint.ReadParametersAsync(context);
        string? Get(string name) => parameters.GetValueOrDefault(name);

        await context.SignOutAsync();
        var redirectUri = Get("post_logout_redirect_uri");
        if (redirectUri is not null && await IsRegisteredAsync(ClientOf(Get("client_id"), Get("id_token_hint")), redirectUri, context.RequestAborted))
        {
            var state = Get("state");
            var separator = redirectUri.Contains('?', StringComparison.Ordinal) ? "&" : "?";
            TokenServiceHeaders.NoStore(context.Response);
            context.Response.Redirect(state is null ? redirectUri : $"{redirectUri}{separator}state={Uri.EscapeDataString(state)}");
            return;
        }

        await ShowSignedOutAsync(context, redirectUri is not null);
    }

    // The hint's signature is not checked: it only chooses which app's registered URIs may be redirected to.
    private static Guid? ClientOf(string? clientId, string? idTokenHint)
    {
        if (Guid.TryParse(clientId, out var named))
        {
            return named;
        }

        if (idTokenHint is null)
        {
            return null;
        }

        try
        {
            return Guid.TryParse(new JsonWebToken(idTokenHint).Audiences.FirstOrDefault(), out var audience) ? audience : null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private async Task<bool> IsRegisteredAsync(Guid? clientId, string redirectUri, CancellationToken cancellationToken)
    {
        if (clientId is null)
        {
            return false;
        }

        var application = await delegated.FindApplicationAsync(clientId.Value, cancellationToken);
        return application is not null
            && (application.WebRedirectUris.Contains(redirectUri, StringComparer.Ordinal)
                || application.SpaRedirectUris.Contains(redirectUri, StringComparer.Ordinal)
                || application.PublicClientRedirectUris.Contains(redirectUri, StringComparer.Ordinal));
    }

    private static async Task ShowSignedOutAsync(HttpContext context, bool refusedRedirect)
    {
        var response = context.Response;
        response.StatusCode = refusedRedirect ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK;
        response.ContentType = "text/html; charset=utf-8";
        TokenServiceHeaders.NoStore(response);
        var note = refusedRedirect
            ? "<p class=\"error\" role=\"alert\" data-testid=\"aadsts-error\">The post_logout_redirect_uri is not a redirect URI registered on the application, so you were not sent back to it.</p>"
            : "";
        await response.WriteAsync(
            $"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Sign out - Gatehouse</title><link rel="stylesheet" href="/portal.css"></head>
            <body><main id="main"><section class="panel"><h1>You signed out of your account</h1>
            <p>It's a good idea to close all browser windows.</p>{note}
            <p>Request Id: {HtmlEncoder.Default.Encode(TokenServiceHeaders.RequestId(context))}</p></section></main></body></html>
            """,
            context.RequestAborted);
    }
}
