namespace Gatehouse.DirectoryObjects.Users;

/// <summary>A person who signs in. The password is kept only as an ASP.NET Core Identity hash.</summary>
internal sealed class User
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public string UserPrincipalName { get; set; } = "";

    /// <summary>Upper-invariant UPN: the unique lookup key (UPNs compare case-insensitively).</summary>
    public string NormalizedUserPrincipalName { get; set; } = "";

    public string DisplayName { get; set; } = "";
    public string? GivenName { get; set; }
    public string? Surname { get; set; }
    public string? Mail { get; set; }
    public string? PasswordHash { get; set; }
    public bool AccountEnabled { get; set; } = true;
    public string UserType { get; set; } = "Member";
    public DateTimeOffset CreatedDateTime { get; set; }

    public static string Normalize(string userPrincipalName) => userPrincipalName.Trim().ToUpperInvariant();
}
