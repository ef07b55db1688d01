using Gatehouse.Identity.Clients;
using Gatehouse.Identity.Protocol;
using Microsoft.AspNetCore.Authentication;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Gatehouse.Identity.Endpoints;

/// <summary>
/// GET/POST /{tenant}/oauth2/v2.0/logout and v1.0's /{tenant}/oauth2/logout (OpenID Connect RP-Initiated Logout §2–3;
/// docs/protocol/entra-protocol.md §3.9): ends the server's one sign-in session, loads the front-channel logout URL of
/// every app the session signed in to (with its sid), then sends the person to post_logout_redirect_uri only if it is
/// a redirect URI registered on the app the request names (client_id, or the aud of id_token_hint) or, when it names
/// none, on an app the session signed in to; anything else is a page, so the endpoint is no open redirect. A request naming another account than the session's (logout_hint, or
/// the sid of id_token_hint) asks the person first.
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

        var cancellationToken = context.RequestAborted;
        var hint = IdTokenHint.Read(parameters["id_token_hint"]);
        var clientId = Guid.TryParse(parameters["client_id"], out var named) ? named : hint?.Audience;
        var session = await BrowserSession.ReadAsync(context);
        if (session is not null && NamesAnotherAccount(parameters["logout_hint"], hint?.SessionId, session))
        {
            // The confirmation posts the request back without what named the other account; client_id keeps the app.
            IEnumerable<KeyValuePair<string, string>> fields = parameters.Without("logout_hint", "id_token_hint", "client_id");
            return TokenServicePage.ConfirmSignOut(
                session.UserPrincipalName, context.Request.Path.ToUriComponent(), clientId is { } app ? fields.Append(new("client_id", app.ToString())) : fields);
        }

        var frontChannel = session is null ? [] : await FrontChannelLogoutAsync(registrations, session, cancellationToken);
        await context.SignOutAsync();
        var redirectUri = parameters["post_logout_redirect_uri"];
        // An app that names itself (client_id, id_token_hint) vouches for its own URIs; a request that names no app, as
        // msal-browser's logoutRedirect by default, may return to a URI of an app the session signed in to (§3.9).
        IEnumerable<Guid> vouching = clientId is { } namedApp ? [namedApp] : session?.Apps ?? [];
        var registered = redirectUri is not null && await IsRegisteredOnAnyAsync(registrations, vouching, redirectUri, cancellationToken);
        var state = parameters["state"];
        if (registered && frontChannel.Count == 0)
        {
            return new RedirectToClient(redirectUri!, ResponseMode.Query, state is not null ? [new("state", state)] : []);
        }

        return TokenServicePage.SignedOut(
            refusedRedirect: redirectUri is not null && !registered, frontChannel, registered ? WithParameter(redirectUri!, "state", state) : null);
    }

    /// <summary>
    /// Whether the request names an account other than the session's: logout_hint (Entra's is the login_hint claim; here
    /// the user principal name, which Gatehouse's authorize endpoint takes as login_hint) first, else the sid of id_token_hint.
    /// </summary>
    private static bool NamesAnotherAccount(string? logoutHint, string? hintedSessionId, BrowserSession session) =>
        logoutHint is { Length: > 0 }
            ? !string.Equals(logoutHint, session.UserPrincipalName, StringComparison.OrdinalIgnoreCase)
            : hintedSessionId is not null && !string.Equals(hintedSessionId, session.SessionId, StringComparison.Ordinal);

    /// <summary>
    /// The front-channel logout URL (web.logoutUrl) of each app the session signed in to, with the session's sid as its
    /// sid parameter: Entra sends sid alone, without iss (docs/protocol/entra-protocol.md §3.9).
    /// </summary>
    private static async Task<IReadOnlyList<Uri>> FrontChannelLogoutAsync(ClientRegistrations registrations, BrowserSession session, CancellationToken cancellationToken)
    {
        List<Uri> urls = [];
        foreach (var appId in session.Apps)
        {
            if (await registrations.FindApplicationAsync(appId, cancellationToken) is { WebLogoutUrl: { } logoutUrl }
                && Uri.TryCreate(WithParameter(logoutUrl, "sid", session.SessionId), UriKind.Absolute, out var url))
            {
                urls.Add(url);
            }
        }

        return urls;
    }

    /// <summary>The URL with one more query parameter, before any fragment; the URL itself when the value is null.</summary>
    private static string WithParameter(string url, string name, string? value)
    {
        if (value is null)
        {
            return url;
        }

        var fragment = url.IndexOf('#', StringComparison.Ordinal);
        var (head, tail) = fragment < 0 ? (url, "") : (url[..fragment], url[fragment..]);
        return $"{head}{(head.Contains('?', StringComparison.Ordinal) ? '&' : '?')}{name}={Uri.EscapeDataString(value)}{tail}";
    }

    private static async Task<bool> IsRegisteredOnAnyAsync(
        ClientRegistrations registrations, IEnumerable<Guid> appIds, string redirectUri, CancellationToken cancellationToken)
    {
        foreach (var appId in appIds)
        {
            if (await registrations.FindApplicationAsync(appId, cancellationToken) is { } application
                && RegisteredRedirectUri.PlatformOf(application, redirectUri) != RedirectUriPlatform.None)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// What id_token_hint tells: the app it was issued to (aud) and the session it was issued in (sid). Its signature is
    /// not checked: it only chooses which app's registered URIs may be redirected to, and whether to ask before signing out.
    /// </summary>
    private sealed record IdTokenHint(Guid? Audience, string? SessionId)
    {
        public static IdTokenHint? Read(string? idTokenHint)
        {
            if (idTokenHint is null)
            {
                return null;
            }

            try
            {
                var token = new JsonWebToken(idTokenHint);
                return new IdTokenHint(
                    Guid.TryParse(token.Audiences.FirstOrDefault(), out var audience) ? audience : null,
                    token.TryGetPayloadValue<string>("sid", out var sid) ? sid : null);
            }
            catch (ArgumentException)
            {
                return null;
            }
        }
    }
}
