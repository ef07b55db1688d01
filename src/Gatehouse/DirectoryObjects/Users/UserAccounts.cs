using Gatehouse.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.DirectoryObjects.Users;

/// <summary>Creates, changes and deletes users and checks their passwords.</summary>
internal sealed class UserAccounts(GatehouseDb db, TimeProvider clock, IPasswordHasher<User> hasher, DirectoryReferences references)
{
    public async Task<Outcome<User, DirectoryError>> CreateAsync(Guid tenantId, NewUser request, CancellationToken cancellationToken)
    {
        var upn = request.UserPrincipalName.Trim();
        var at = upn.LastIndexOf('@');
        if (at <= 0 || at == upn.Length - 1)
        {
            return DirectoryError.Invalid($"'{request.UserPrincipalName}' is not a user principal name (alias@domain).");
        }

        if (upn.Length > User.MaximumUserPrincipalNameLength)
        {
            return DirectoryError.Invalid($"A user principal name must be at most {User.MaximumUserPrincipalNameLength} characters.");
        }

        if (request.DisplayName?.Trim() is { Length: > User.MaximumDisplayNameLength })
        {
            return DirectoryError.Invalid($"A display name must be at most {User.MaximumDisplayNameLength} characters.");
        }

        var domain = upn[(at + 1)..].ToLowerInvariant();
        if (!await db.TenantDomains.AnyAsync(d => d.TenantId == tenantId && d.Name == domain && d.IsVerified, cancellationToken))
        {
            return DirectoryError.Invalid($"The domain '{domain}' is not a verified domain of this tenant.");
        }

        if (PasswordRules.Check(request.Password) is { } weakness)
        {
            return DirectoryError.Invalid(weakness);
        }

        var normalized = User.Normalize(upn);
        if (await db.Users.AnyAsync(u => u.NormalizedUserPrincipalName == normalized, cancellationToken))
        {
            return DirectoryError.Conflict($"A user with the user principal name '{upn}' already exists.");
        }

        var user = new User
        {
            Id = Guid.NewGuid(),
            TenantId = tenantId,
            UserPrincipalName = upn,
            NormalizedUserPrincipalName = normalized,
            DisplayName = string.IsNullOrWhiteSpace(request.DisplayName) ? upn[..at] : request.DisplayName.Trim(),
            Mail = request.Mail,
            GivenName = request.GivenName,
            Surname = request.Surname,
            CreatedDateTime = clock.StoreNow(),
        };
        SetPassword(user, request.Password);
        db.Users.Add(user);
        await db.SaveChangesAsync(cancellationToken);
        return user;
    }

    /// <summary>Changes a user's profile or resets their password; the display name stays required and within Entra's length.</summary>
    public async Task<Outcome<User, DirectoryError>> UpdateAsync(Guid tenantId, Guid userId, UserChanges changes, CancellationToken cancellationToken)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.TenantId == tenantId && u.Id == userId, cancellationToken);
        if (user is null)
        {
            return DirectoryError.NotFound($"User {userId} was not found.");
        }

        if (changes.DisplayName is { } name && (name.Trim().Length == 0 || name.Trim().Length > User.MaximumDisplayNameLength))
        {
            return DirectoryError.Invalid($"A display name must be 1 to {User.MaximumDisplayNameLength} characters.");
        }

        // The store's columns hold Entra's lengths; a longer value would fail the save on PostgreSQL.
        if (changes.Department is { Length: > User.MaximumDepartmentLength } || changes.JobTitle is { Length: > User.MaximumJobTitleLength })
        {
            return DirectoryError.Invalid($"A department must be at most {User.MaximumDepartmentLength} characters and a job title at most {User.MaximumJobTitleLength}.");
        }

        if (changes.Cleared.FirstOrDefault(c => !UserChanges.Optional.Contains(c)) is { } required)
        {
            return DirectoryError.Invalid($"'{required}' cannot be cleared.");
        }

        if (changes.Password is { } password)
        {
            if (PasswordRules.Check(password) is { } weakness)
            {
                return DirectoryError.Invalid(weakness);
            }

            SetPassword(user, password);
        }

        user.DisplayName = changes.DisplayName?.Trim() ?? user.DisplayName;
        user.AccountEnabled = changes.AccountEnabled ?? user.AccountEnabled;
        user.GivenName = Changed(changes.GivenName, "givenName", user.GivenName);
        user.Surname = Changed(changes.Surname, "surname", user.Surname);
        user.JobTitle = Changed(changes.JobTitle, "jobTitle", user.JobTitle);
        user.Department = Changed(changes.Department, "department", user.Department);
        user.OfficeLocation = Changed(changes.OfficeLocation, "officeLocation", user.OfficeLocation);
        user.MobilePhone = Changed(changes.MobilePhone, "mobilePhone", user.MobilePhone);
        user.CompanyName = Changed(changes.CompanyName, "companyName", user.CompanyName);
        await db.SaveChangesAsync(cancellationToken);
        return user;

        string? Changed(string? value, string name, string? current) => changes.Cleared.Contains(name) ? null : value ?? current;
    }

    /// <summary>Sets or clears a user's manager: another user of the same tenant, never the user themself.</summary>
    public async Task<Outcome<User, DirectoryError>> SetManagerAsync(Guid tenantId, Guid userId, Guid? managerId, CancellationToken cancellationToken)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.TenantId == tenantId && u.Id == userId, cancellationToken);
        if (user is null)
        {
            return DirectoryError.NotFound($"User {userId} was not found.");
        }

        if (managerId == userId)
        {
            return DirectoryError.Invalid("A user cannot be their own manager.");
        }

        if (managerId is { } id && !await db.Users.AnyAsync(m => m.TenantId == tenantId && m.Id == id, cancellationToken))
        {
            return DirectoryError.NotFound($"User {id} was not found.");
        }

        user.ManagerId = managerId;
        await db.SaveChangesAsync(cancellationToken);
        return user;
    }

    /// <summary>
    /// Deletes a user as Entra does: the user leaves its groups and roles, stops owning anything, its own consents go,
    /// its calendars cascade and its reports lose their manager. Its refresh tokens and pending codes stop working
    /// because the token service finds no user to issue for.
    /// </summary>
    public async Task<Outcome<User, DirectoryError>> DeleteAsync(Guid tenantId, Guid userId, CancellationToken cancellationToken)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.TenantId == tenantId && u.Id == userId, cancellationToken);
        if (user is null)
        {
            return DirectoryError.NotFound($"User {userId} was not found.");
        }

        await references.DeleteAsync(tenantId, userId, user, cancellationToken);
        return user;
    }

    /// <summary>
    /// The tenant's users in display-name order, at most <paramref name="top"/>; with <paramref name="search"/>, those
    /// whose display name or user principal name starts with it (case-insensitive), as the admin center's search box.
    /// With <paramref name="after"/>, the ones that come after that user in this order: a keyset page, which costs the
    /// same on the thousandth page as on the first (the (tenant, name, id) index serves both the order and the seek).
    /// </summary>
    public async Task<List<User>> ListAsync(Guid tenantId, string? search, int top, CancellationToken cancellationToken, Guid? after = null)
    {
        var users = db.Users.AsNoTracking().Where(u => u.TenantId == tenantId);
        if (search is not null)
        {
            var prefix = User.Normalize(search);
            users = users.Where(u => u.NormalizedDisplayName.StartsWith(prefix) || u.NormalizedUserPrincipalName.StartsWith(prefix));
        }

        if (after is { } lastId
            && await db.Users.Where(u => u.TenantId == tenantId && u.Id == lastId).Select(u => u.NormalizedDisplayName).FirstOrDefaultAsync(cancellationToken) is { } lastName)
        {
            users = users.Where(u => u.NormalizedDisplayName.CompareTo(lastName) > 0 || (u.NormalizedDisplayName == lastName && u.Id.CompareTo(lastId) > 0));
        }

        return await users.OrderBy(u => u.NormalizedDisplayName).ThenBy(u => u.Id).Take(top).ToListAsync(cancellationToken);
    }

    public Task<User?> FindAsync(Guid tenantId, string idOrUserPrincipalName, CancellationToken cancellationToken)
    {
        if (Guid.TryParse(idOrUserPrincipalName, out var id))
        {
            return db.Users.FirstOrDefaultAsync(u => u.TenantId == tenantId && u.Id == id, cancellationToken);
        }

        var normalized = User.Normalize(idOrUserPrincipalName);
        return db.Users.FirstOrDefaultAsync(u => u.TenantId == tenantId && u.NormalizedUserPrincipalName == normalized, cancellationToken);
    }

    private void SetPassword(User user, string password)
    {
        user.PasswordHash = hasher.HashPassword(user, password);
        user.HasWellKnownPassword = WellKnownPasswords.Contains(password);
    }

    public bool HasPassword(User user, string password) =>
        user.PasswordHash is not null
        && hasher.VerifyHashedPassword(user, user.PasswordHash, password) != PasswordVerificationResult.Failed;
}

internal sealed record NewUser(
    string UserPrincipalName,
    string Password,
    string? DisplayName = null,
    string? GivenName = null,
    string? Surname = null,
    string? Mail = null);
