using Gatehouse.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.DirectoryObjects.Users;

/// <summary>
/// Checks a user's password with smart lockout as Entra's defaults: after 10 wrong passwords the account is locked
/// for 60 seconds, and each further wrong password locks it again. Every surface that takes a password (the sign-in
/// page, the authorize endpoint, ROPC) goes through here, so they all count toward one lockout.
/// </summary>
internal sealed class PasswordSignIn(GatehouseDb db, TimeProvider clock, IPasswordHasher<User> hasher)
{
    public const int LockoutThreshold = 10;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromSeconds(60);

    public async Task<PasswordCheck> CheckAsync(string userPrincipalName, string password, CancellationToken cancellationToken)
    {
        var normalized = User.Normalize(userPrincipalName);
        var user = await db.Users.FirstOrDefaultAsync(u => u.NormalizedUserPrincipalName == normalized, cancellationToken);
        if (user is null || user.PasswordHash is null)
        {
            // Hash anyway, so that an unknown account takes as long to refuse as a wrong password.
            hasher.VerifyHashedPassword(new User(), DecoyHash.Value, password);
            return new PasswordCheck(SignInOutcome.UnknownUser, null);
        }

        var now = clock.GetUtcNow();
        if (user.LockoutEnd > now)
        {
            return new PasswordCheck(SignInOutcome.LockedOut, user);
        }

        if (!user.AccountEnabled)
        {
            return new PasswordCheck(SignInOutcome.Disabled, user);
        }

        var verified = hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        if (verified == PasswordVerificationResult.Failed)
        {
            user.FailedSignInCount++;
            if (user.FailedSignInCount >= LockoutThreshold)
            {
                user.LockoutEnd = StoreClock.ToStoreResolution(now + LockoutDuration);
            }

            await db.SaveChangesAsync(cancellationToken);
            return new PasswordCheck(user.LockoutEnd > now ? SignInOutcome.LockedOut : SignInOutcome.WrongPassword, user);
        }

        if (verified == PasswordVerificationResult.SuccessRehashNeeded)
        {
            user.PasswordHash = hasher.HashPassword(user, password);
        }

        user.FailedSignInCount = 0;
        user.LockoutEnd = null;
        await db.SaveChangesAsync(cancellationToken);
        return new PasswordCheck(SignInOutcome.Succeeded, user);
    }

    private static readonly Lazy<string> DecoyHash = new(() => new PasswordHasher<User>().HashPassword(new User(), "decoy-password"));
}

internal enum SignInOutcome
{
    Succeeded,
    UnknownUser,
    WrongPassword,
    LockedOut,
    Disabled,
}

internal sealed record PasswordCheck(SignInOutcome Outcome, User? User);
