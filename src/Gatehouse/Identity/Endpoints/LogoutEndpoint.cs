using Gatehouse.Identity.Clients;
using Gatehouse.Identity.Protocol;
using Microsoft.AspNetCore.Authentication;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Gatehouse.Identity.Endpoints;

/// <summary>
/// GET/POST /{tenant}/oauth2/v2.0/logout and v1.0's /{tenant}/oauth2/logout (OpenID Connect RP-Initiated Logout §2–3):
/// ends the server's one sign-in session, then sends the person to post_logout_redirect_uri only if it is a redirect URI
/// registered on the app the request names (client_id, or the aud of id_token_hint); anything else is a page, so the
/// endpoint is no open redirect.
/// </summary>
internal static class LogoutEndpoint
{
    public static IEndpointRouteBuilder MapLogout(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMethods("/{tenant}/oauth2/v2.0/logout", [HttpMethods.Get, HttpMethods.Post], HandleAsync).WithMetadata(TokenServiceFailures.SignInPages).DisableAntiforgery();
        endpoints.MapMethods("/{tenant}/oauth2/logout", [HttpMethods.Get, HttpMethods.Post], HandleAsync).WithMetadata(TokenServiceFailures.SignInPages).DisableAntiforgery();
        return endpoints;
    }

    private static async Task<IResult> HandleAsync(BrowserParameters parameters, HttpContext context, ClientRegistrations registrations)
    {
        if (parameters.Refusal is { } unreadable)
        {
            return TokenServicePage.Error(unreadable);
        }

        await context.SignOutAsync();
        var redirectUri = parameters["post_logout_redirect_uri"];
        if (redirectUri is not null && await IsRegisteredAsync(registrations, ClientOf(parameters["client_id"], parameters["id_token_hint"]), redirectUri, context.RequestAborted))
        {
            return new RedirectToClient(redirectUri, ResponseMode.Query, parameters["state"] is { } state ? [new("state", state)] : []);
        }

        return TokenServicePage.SignedOut(refusedRedirect: redirectUri is not null);
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

    private static async Task<bool> IsRegisteredAsync(ClientRegistrations registrations, Guid? clientId, string redirectUri, CancellationToken cancellationToken) =>
        clientId is { } appId
        && await registrations.FindApplicationAsync(appId, cancellationToken) is { } application
        && RegisteredRedirectUri.PlatformOf(application, redirectUri) != RedirectUriPlatform.None;
}
