namespace Gatehouse.Hosting;

/// <summary>
/// CONTRACT.md: bound to anything other than loopback, the server refuses to start with a well-known or empty admin
/// password. At first start that means GATEHOUSE_ADMIN_PASSWORD must be set, non-empty and not a well-known one.
/// </summary>
internal static class AdminPasswordSafety
{
    public static IReadOnlyList<string> WellKnown { get; } =
    [
        "admin", "administrator", "password", "password1", "password123", "passw0rd", "passw0rd!", "p@ssw0rd", "p@ssword1",
        "pa$$w0rd", "changeme", "changeit", "secret", "gatehouse", "gatehouse1!", "admin123", "admin123!", "123456",
        "12345678", "123456789", "qwerty", "letmein", "welcome1", "p@ssw0rd1!", "Password1!", "Admin@123",
    ];

    public static bool IsWellKnownOrEmpty(string? password) =>
        string.IsNullOrWhiteSpace(password)
        || WellKnown.Any(known => string.Equals(known, password, StringComparison.OrdinalIgnoreCase));

    public static string? Check(GatehouseOptions options, bool firstStart)
    {
        if (ListenAddresses.AllLoopback(options.ListenUrls))
        {
            return null;
        }

        if (firstStart && IsWellKnownOrEmpty(options.AdminPassword))
        {
            return "Refusing to start: listening beyond loopback needs GATEHOUSE_ADMIN_PASSWORD set to a strong password at first start.";
        }

        return !firstStart && options.AdminPassword is not null && IsWellKnownOrEmpty(options.AdminPassword)
            ? "Refusing to start: GATEHOUSE_ADMIN_PASSWORD is empty or well known, and the server listens beyond loopback."
            : null;
    }
}
