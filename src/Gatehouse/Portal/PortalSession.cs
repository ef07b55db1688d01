using System.Security.Claims;
using Gatehouse.Data;
using Gatehouse.DirectoryObjects.Users;
using Gatehouse.Identity.Protocol;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Portal;

/// <summary>The signed-in person: one cookie for the portal and, later, the authorize endpoint.</summary>
internal static class PortalSession
{
    public const string Scheme = "Gatehouse.Session";
    public const string CookieName = "gatehouse.session";
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(8);

    public static ClaimsPrincipal PrincipalFor(User user) => PrincipalFor(user, Guid.NewGuid().ToString(), []);

    /// <summary>A session resumed: its own session ID and the apps it signed in to, for front-channel logout.</summary>
    public static ClaimsPrincipal PrincipalFor(User user, string sessionId, IEnumerable<Guid> apps) => new(new ClaimsIdentity(
        [
            new Claim(BrowserSession.UserIdClaim, user.Id.ToString()),
            new Claim(BrowserSession.TenantIdClaim, user.TenantId.ToString()),
            new Claim(ClaimTypes.Name, user.UserPrincipalName),
            new Claim("name", user.DisplayName),
            new Claim(BrowserSession.SessionIdClaim, sessionId),
            .. apps.Select(app => new Claim(BrowserSession.AppClaim, app.ToString())),
        ],
        Scheme,
        ClaimTypes.Name,
        ClaimTypes.Role));

    public static Guid UserId(this ClaimsPrincipal principal) => Guid.Parse(principal.FindFirstValue(BrowserSession.UserIdClaim)!);

    public static Guid TenantId(this ClaimsPrincipal principal) => Guid.Parse(principal.FindFirstValue(BrowserSession.TenantIdClaim)!);

    /// <summary>A session ends when its user is deleted or disabled, not only when the cookie expires.</summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        if (principal?.FindFirstValue(BrowserSession.UserIdClaim) is not { } id || !Guid.TryParse(id, out var userId))
        {
            context.RejectPrincipal();
            return;
        }

        var db = context.HttpContext.RequestServices.GetRequiredService<GatehouseDb>();
        if (!await db.Users.AnyAsync(u => u.Id == userId && u.AccountEnabled, context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(Scheme);
        }
    }
}
