using System.Security.Claims;
using Gatehouse.Data;
using Gatehouse.DirectoryObjects.Tenants;
using Gatehouse.DirectoryObjects.Users;
using Gatehouse.Identity.Protocol;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Portal.Directories;

/// <summary>A directory this browser is signed in to, as the switcher lists it.</summary>
internal sealed record DirectoryChoice(Guid UserId, string UserPrincipalName, Tenant Tenant, bool IsCurrent);

/// <summary>
/// The directories one browser is signed in to: the active session (the session cookie, which the token service reads
/// too) and the accounts set aside in <see cref="RememberedAccounts"/>. Switching swaps the two, so the session that
/// comes back keeps its own session ID and the apps it signed in to; a remembered account is checked in the store
/// (it exists, in its tenant, enabled) every time it is listed or resumed, as the active one is on every request.
/// </summary>
internal sealed class DirectorySessions(GatehouseDb db, RememberedAccounts remembered, TimeProvider clock)
{
    /// <summary>The tenant the signed-in person is working in, with its domains; null for an anonymous request.</summary>
    public async Task<Tenant?> CurrentTenantAsync(ClaimsPrincipal principal, CancellationToken cancellationToken) =>
        principal.Identity?.IsAuthenticated == true && Guid.TryParse(principal.FindFirstValue(BrowserSession.TenantIdClaim), out var tenantId)
            ? await db.Tenants.AsNoTracking().Include(t => t.Domains).FirstOrDefaultAsync(t => t.Id == tenantId, cancellationToken)
            : null;

    /// <summary>The active directory first, then every remembered one whose account may still sign in.</summary>
    public async Task<IReadOnlyList<DirectoryChoice>> ListAsync(HttpContext context)
    {
        var accounts = remembered.Read(context, context.User.FindFirstValue(BrowserSession.SessionIdClaim));
        var current = context.User.UserId();
        var users = await UsersAsync([current, .. accounts.Select(a => a.UserId)], context.RequestAborted);
        var tenantIds = users.Values.Select(u => u.TenantId).Distinct().ToList();
        var tenants = await db.Tenants.AsNoTracking().Include(t => t.Domains).Where(t => tenantIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, context.RequestAborted);
        return [.. new[] { (current, context.User.TenantId()) }.Concat(accounts.Select(a => (a.UserId, a.TenantId)))
            .Where(a => users.TryGetValue(a.Item1, out var user) && user.TenantId == a.Item2 && tenants.ContainsKey(a.Item2))
            .Select(a => new DirectoryChoice(a.Item1, users[a.Item1].UserPrincipalName, tenants[a.Item2], a.Item1 == current))];
    }

    /// <summary>
    /// Signs <paramref name="user"/> in. With <paramref name="keepOthers"/> (the switcher's "Sign in to another
    /// directory") the session it replaces is remembered; a sign-in as the same person keeps what was remembered; any
    /// other sign-in forgets it all.
    /// </summary>
    public async Task SignInAsync(HttpContext context, User user, bool keepOthers)
    {
        var active = await context.AuthenticateAsync(PortalSession.Scheme);
        var activeUser = active.Succeeded ? active.Principal.UserId() : (Guid?)null;
        var kept = activeUser is null ? [] : remembered.Read(context, active.Principal!.FindFirstValue(BrowserSession.SessionIdClaim)).Where(a => a.UserId != user.Id).ToList();
        if (activeUser is { } other && other != user.Id)
        {
            kept = keepOthers ? [.. kept, SetAside(active)] : [];
        }

        var principal = PortalSession.PrincipalFor(user);
        await context.SignInAsync(PortalSession.Scheme, principal);
        remembered.Write(context, principal.FindFirstValue(BrowserSession.SessionIdClaim)!, kept);
    }

    /// <summary>Resumes the remembered session of <paramref name="userId"/> and sets the active one aside; false when there is none, or its account may no longer sign in.</summary>
    public async Task<bool> SwitchAsync(HttpContext context, Guid userId)
    {
        var active = await context.AuthenticateAsync(PortalSession.Scheme);
        if (!active.Succeeded)
        {
            return false;
        }

        var activeSessionId = active.Principal.FindFirstValue(BrowserSession.SessionIdClaim)!;
        var accounts = remembered.Read(context, activeSessionId);
        if (accounts.FirstOrDefault(a => a.UserId == userId) is not { } chosen)
        {
            return false;
        }

        var others = accounts.Where(a => a.UserId != userId).ToList();
        var users = await UsersAsync([userId], context.RequestAborted);
        if (!users.TryGetValue(userId, out var user) || user.TenantId != chosen.TenantId)
        {
            remembered.Write(context, activeSessionId, others);
            return false;
        }

        await context.SignInAsync(PortalSession.Scheme, PortalSession.PrincipalFor(user, chosen.SessionId, chosen.Apps), new AuthenticationProperties
        {
            IssuedUtc = clock.GetUtcNow(),
            ExpiresUtc = chosen.ExpiresUtc,
        });
        remembered.Write(context, chosen.SessionId, [.. others, SetAside(active)]);
        return true;
    }

    /// <summary>Ends the active session and every remembered one.</summary>
    public static async Task SignOutAsync(HttpContext context)
    {
        await context.SignOutAsync(PortalSession.Scheme);
        RememberedAccounts.Forget(context);
    }

    private RememberedAccount SetAside(AuthenticateResult active) => new(
        active.Principal!.UserId(),
        active.Principal!.TenantId(),
        active.Principal!.FindFirstValue(BrowserSession.SessionIdClaim)!,
        [.. active.Principal!.FindAll(BrowserSession.AppClaim).Select(c => Guid.TryParse(c.Value, out var app) ? app : Guid.Empty).Where(app => app != Guid.Empty)],
        active.Properties?.ExpiresUtc ?? clock.GetUtcNow() + PortalSession.Lifetime);

    /// <summary>The accounts among <paramref name="ids"/> that exist and are enabled.</summary>
    private async Task<Dictionary<Guid, User>> UsersAsync(IReadOnlyList<Guid> ids, CancellationToken cancellationToken) =>
        await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id) && u.AccountEnabled).ToDictionaryAsync(u => u.Id, cancellationToken);
}
