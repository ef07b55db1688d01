namespace Gatehouse.DirectoryObjects.Users;

/// <summary>Entra's password policy for cloud users: 8–256 characters, three of the four character kinds.</summary>
internal static class PasswordRules
{
    public const int MinimumLength = 8;
    public const int MaximumLength = 256;

    public static string? Check(string password)
    {
        if (password.Length is < MinimumLength or > MaximumLength)
        {
            return $"A password must be {MinimumLength} to {MaximumLength} characters long.";
        }

        var kinds = (password.Any(char.IsUpper) ? 1 : 0)
            + (password.Any(char.IsLower) ? 1 : 0)
            + (password.Any(char.IsDigit) ? 1 : 0)
            + (password.Any(c => !char.IsLetterOrDigit(c)) ? 1 : 0);
        return kinds < 3
            ? "A password must contain three of: upper-case letters, lower-case letters, digits and symbols."
            : null;
    }
}
