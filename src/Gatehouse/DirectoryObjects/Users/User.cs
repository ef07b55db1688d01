namespace Gatehouse.DirectoryObjects.Users;

/// <summary>A person who signs in. The password is kept only as an ASP.NET Core Identity hash.</summary>
internal sealed class User
{
    /// <summary>Entra's limits (64 characters of alias, 48 of domain), which the store's columns keep.</summary>
    public const int MaximumUserPrincipalNameLength = 113;
    public const int MaximumDisplayNameLength = 256;
    public const int MaximumDepartmentLength = 64;
    public const int MaximumJobTitleLength = 128;

    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public string UserPrincipalName { get; set; } = "";

    /// <summary>Upper-invariant UPN: the unique lookup key (UPNs compare case-insensitively).</summary>
    public string NormalizedUserPrincipalName { get; set; } = "";

    public string DisplayName
    {
        get;
        set
        {
            field = value;
            NormalizedDisplayName = Normalize(value);
        }
    } = "";

    /// <summary>Upper-invariant display name, kept with it: case-insensitive filters compare it in SQL through an index.</summary>
    public string NormalizedDisplayName { get; set; } = "";

    public string? GivenName { get; set; }
    public string? Surname { get; set; }
    public string? Mail { get; set; }
    public string? Department { get; set; }
    public string? JobTitle { get; set; }

    /// <summary>The user's manager (Graph's manager relation); cleared when the manager is deleted.</summary>
    public Guid? ManagerId { get; set; }

    public string? MailNickname { get; set; }
    public string? CompanyName { get; set; }
    public string? OfficeLocation { get; set; }
    public string? MobilePhone { get; set; }
    public List<string> BusinessPhones { get; set; } = [];
    public string? PreferredLanguage { get; set; }
    public string? EmployeeId { get; set; }
    public string? City { get; set; }
    public string? Country { get; set; }
    public string? UsageLocation { get; set; }
    public string? PasswordHash { get; set; }

    /// <summary>Set when the password was one of <see cref="WellKnownPasswords"/>, checked while its plain text was at hand.</summary>
    public bool HasWellKnownPassword { get; set; }
    public bool AccountEnabled { get; set; } = true;

    /// <summary>Wrong passwords since the last good one (smart lockout).</summary>
    public int FailedSignInCount { get; set; }

    /// <summary>Until when sign-in is refused after too many wrong passwords.</summary>
    public DateTimeOffset? LockoutEnd { get; set; }
    public string UserType { get; set; } = "Member";
    public DateTimeOffset CreatedDateTime { get; set; }

    public static string Normalize(string userPrincipalName) => userPrincipalName.Trim().ToUpperInvariant();
}
