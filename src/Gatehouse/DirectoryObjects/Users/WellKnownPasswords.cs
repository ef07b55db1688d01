namespace Gatehouse.DirectoryObjects.Users;

/// <summary>Passwords every attacker tries first. A user who has one is marked, so that the server can refuse to face the network with such an administrator.</summary>
internal static class WellKnownPasswords
{
    private static readonly HashSet<string> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        "admin", "administrator", "password", "password1", "password123", "passw0rd", "passw0rd!", "p@ssw0rd", "p@ssword1",
        "pa$$w0rd", "changeme", "changeit", "secret", "gatehouse", "gatehouse1!", "admin123", "admin123!", "123456",
        "12345678", "123456789", "qwerty", "letmein", "welcome1", "p@ssw0rd1!", "password1!", "admin@123",
    };

    public static bool Contains(string? password) => string.IsNullOrWhiteSpace(password) || Known.Contains(password);
}
