using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;

namespace Gatehouse.Identity.Endpoints;

/// <summary>
/// The person signed in to this server's one sign-in session (the default authentication scheme's cookie, made by the
/// sign-in page), as the authorize and admin consent endpoints see them.
/// </summary>
internal sealed record BrowserSession(Guid UserId, Guid TenantId, string? SessionId, string? UserPrincipalName)
{
    /// <summary>The session's person; null when no one is signed in.</summary>
    public static async Task<BrowserSession?> ReadAsync(HttpContext context)
    {
        var session = await context.AuthenticateAsync();
        return session.Succeeded
            && Guid.TryParse(session.Principal.FindFirstValue("oid"), out var userId)
            && Guid.TryParse(session.Principal.FindFirstValue("tid"), out var tenantId)
            ? new BrowserSession(userId, tenantId, session.Principal.FindFirstValue("sid"), session.Principal.Identity?.Name)
            : null;
    }
}
