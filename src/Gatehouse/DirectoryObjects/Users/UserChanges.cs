namespace Gatehouse.DirectoryObjects.Users;

/// <summary>
/// What an update changes: a property left null is kept; <see cref="Cleared"/> names optional ones set to no value
/// (a Graph PATCH sends only what changed, and an explicit null clears).
/// </summary>
internal sealed record UserChanges
{
    public string? DisplayName { get; init; }
    public bool? AccountEnabled { get; init; }
    public string? GivenName { get; init; }
    public string? Surname { get; init; }
    public string? JobTitle { get; init; }
    public string? Department { get; init; }
    public string? OfficeLocation { get; init; }
    public string? MobilePhone { get; init; }
    public string? CompanyName { get; init; }

    /// <summary>A new password (a reset): checked against <see cref="PasswordRules"/> and kept only as a hash.</summary>
    public string? Password { get; init; }
    public IReadOnlySet<string> Cleared { get; init; } = new HashSet<string>();

    /// <summary>The optional properties an update may set or clear, by their Graph names.</summary>
    public static IReadOnlyList<string> Optional { get; } =
        ["givenName", "surname", "jobTitle", "department", "officeLocation", "mobilePhone", "companyName"];
}
