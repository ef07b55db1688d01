using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;

namespace Gatehouse.Identity.Protocol;

/// <summary>
/// The person signed in to this server's one sign-in session (the default authentication scheme's cookie, made by the
/// sign-in page), as the authorize, admin consent and logout endpoints read it, with the apps it signed in to.
/// </summary>
internal sealed record BrowserSession(Guid UserId, Guid TenantId, string? SessionId, string? UserPrincipalName, IReadOnlyList<Guid> Apps)
{
    public const string UserIdClaim = "oid";
    public const string TenantIdClaim = "tid";

    /// <summary>This sign-in's session ID: the sid of the ID tokens issued while it lasts (OpenID Connect Front-Channel Logout §3).</summary>
    public const string SessionIdClaim = "sid";

    /// <summary>An app (client ID) the authorize endpoint answered with a code or an ID token in this session: one claim each.</summary>
    public const string AppClaim = "app";

    /// <summary>
    /// How many apps a session remembers for front-channel logout: each claim adds about 60 bytes to the cookie, so the
    /// oldest is forgotten past this rather than letting the cookie grow without end.
    /// </summary>
    public const int RememberedApps = 16;

    /// <summary>The session's person; null when no one is signed in.</summary>
    public static async Task<BrowserSession?> ReadAsync(HttpContext context)
    {
        var session = await context.AuthenticateAsync();
        return session.Succeeded
            && Guid.TryParse(session.Principal.FindFirstValue(UserIdClaim), out var userId)
            && Guid.TryParse(session.Principal.FindFirstValue(TenantIdClaim), out var tenantId)
            ? new BrowserSession(userId, tenantId, session.Principal.FindFirstValue(SessionIdClaim), session.Principal.Identity?.Name, AppsOf(session.Principal))
            : null;
    }

    /// <summary>
    /// Remembers that the session signed in to <paramref name="appId"/>, so that signing out loads the app's front-channel
    /// logout URL: the cookie is issued again with one more claim and its original lifetime.
    /// </summary>
    public static async Task RememberAppAsync(HttpContext context, Guid appId)
    {
        var session = await context.AuthenticateAsync();
        if (!session.Succeeded || session.Principal.Identity is not ClaimsIdentity identity || AppsOf(session.Principal).Contains(appId))
        {
            return;
        }

        foreach (var forgotten in identity.FindAll(AppClaim).SkipLast(RememberedApps - 1).ToList())
        {
            identity.RemoveClaim(forgotten);
        }

        identity.AddClaim(new Claim(AppClaim, appId.ToString()));
        await context.SignInAsync(session.Principal, session.Properties);
    }

    private static Guid[] AppsOf(ClaimsPrincipal principal) =>
        [.. principal.FindAll(AppClaim).Select(c => Guid.TryParse(c.Value, out var appId) ? appId : Guid.Empty).Where(id => id != Guid.Empty)];
}
