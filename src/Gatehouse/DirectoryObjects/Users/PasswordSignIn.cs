using System.Net;
using Gatehouse.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.DirectoryObjects.Users;

/// <summary>
/// Checks a user's password with smart lockout as Entra's defaults: after 10 wrong passwords the account is locked
/// for 60 seconds, and each further wrong password locks it again. Every surface that takes a password (the sign-in
/// page, the authorize endpoint, ROPC) goes through here, so they all count toward one lockout. Beyond the lockout,
/// failed sign-ins are counted per remote address (<see cref="SignInAddress"/>), so that one address cannot spray
/// passwords over many accounts: past the limit it is refused before any password is checked.
/// </summary>
internal sealed class PasswordSignIn(GatehouseDb db, TimeProvider clock, IPasswordHasher<User> hasher, FailureWindows<SignInAddress> failures)
{
    public const int LockoutThreshold = 10;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromSeconds(60);

    /// <param name="remoteAddress">The caller's address, which failed sign-ins are counted against.</param>
    public async Task<PasswordCheck> CheckAsync(string userPrincipalName, string password, IPAddress? remoteAddress, CancellationToken cancellationToken)
    {
        var address = SignInAddress.Of(remoteAddress);
        if (failures.RetryAfter(address) is { } wait)
        {
            return new PasswordCheck(SignInOutcome.Throttled, null) { RetryAfter = wait };
        }

        var check = await CheckPasswordAsync(userPrincipalName, password, cancellationToken);
        if (check.Outcome != SignInOutcome.Succeeded)
        {
            failures.Fail(address);
        }

        return check;
    }

    private async Task<PasswordCheck> CheckPasswordAsync(string userPrincipalName, string password, CancellationToken cancellationToken)
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

    /// <summary>Too many failed sign-ins from the caller's address; the password was not checked.</summary>
    Throttled,
}

internal sealed record PasswordCheck(SignInOutcome Outcome, User? User)
{
    /// <summary>How long a <see cref="SignInOutcome.Throttled"/> caller must wait.</summary>
    public TimeSpan RetryAfter { get; init; }
}
