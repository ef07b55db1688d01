using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;

namespace Gatehouse.Identity.Protocol;

/// <summary>
/// The person signed in to this server's one sign-in session (the default authentication scheme's cookie, made by the
/// sign-in page), as the authorize and admin consent endpoints read it.
/// </summary>
internal sealed record BrowserSession(Guid UserId, Guid TenantId, string? SessionId, string? UserPrincipalName)
{
    public const string UserIdClaim = "oid";
    public const string TenantIdClaim = "tid";

    /// <summary>This sign-in's session ID: the sid of the ID tokens issued while it lasts (OpenID Connect Front-Channel Logout §3).</summary>
    public const string SessionIdClaim = "sid";

    /// <summary>The session's person; null when no one is signed in.</summary>
    public static async Task<BrowserSession?> ReadAsync(HttpContext context)
    {
        var session = await context.AuthenticateAsync();
        return session.Succeeded
            && Guid.TryParse(session.Principal.FindFirstValue(UserIdClaim), out var userId)
            && Guid.TryParse(session.Principal.FindFirstValue(TenantIdClaim), out var tenantId)
            ? new BrowserSession(userId, tenantId, session.Principal.FindFirstValue(SessionIdClaim), session.Principal.Identity?.Name)
            : null;
    }
}
