using Gatehouse.DirectoryObjects.Users;

namespace Gatehouse.Portal.Users;

/// <summary>A user's optional properties as the admin center labels them, by their Graph names (<see cref="UserChanges.Optional"/>).</summary>
internal static class UserProperties
{
    public static IReadOnlyList<(string Label, string Name, Func<User, string?> Read)> Optional { get; } =
    [
        ("First name", "givenName", u => u.GivenName),
        ("Last name", "surname", u => u.Surname),
        ("Job title", "jobTitle", u => u.JobTitle),
        ("Department", "department", u => u.Department),
        ("Office location", "officeLocation", u => u.OfficeLocation),
        ("Mobile phone", "mobilePhone", u => u.MobilePhone),
        ("Company name", "companyName", u => u.CompanyName),
    ];

    /// <summary>How long a field's value may be: what the store's column holds.</summary>
    public static int MaximumLength(string name) => name switch
    {
        "department" => User.MaximumDepartmentLength,
        "jobTitle" => User.MaximumJobTitleLength,
        _ => User.MaximumDisplayNameLength,
    };

    public static IEnumerable<(string Label, string? Value)> Of(User user) => Optional.Select(p => (p.Label, p.Read(user)));

    /// <summary>The change the Edit properties form asks for: a field left empty clears its property.</summary>
    public static UserChanges Changes(string? displayName, bool accountEnabled, IReadOnlyDictionary<string, string?> fields)
    {
        string? Value(string name) => fields.GetValueOrDefault(name)?.Trim() is { Length: > 0 } value ? value : null;
        return new UserChanges
        {
            DisplayName = displayName ?? "",
            AccountEnabled = accountEnabled,
            GivenName = Value("givenName"),
            Surname = Value("surname"),
            JobTitle = Value("jobTitle"),
            Department = Value("department"),
            OfficeLocation = Value("officeLocation"),
            MobilePhone = Value("mobilePhone"),
            CompanyName = Value("companyName"),
            Cleared = UserChanges.Optional.Where(name => Value(name) is null).ToHashSet(StringComparer.Ordinal),
        };
    }
}
