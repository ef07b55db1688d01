namespace Gatehouse.DirectoryObjects.Applications;

/// <summary>Values of app roles and scopes appear in tokens' roles and scp claims: no spaces, no leading dot.</summary>
internal static class PermissionValueRules
{
    public const int MaximumLength = 120;

    public static string? Check(string value) =>
        string.IsNullOrWhiteSpace(value) || value.Length > MaximumLength || value.Any(char.IsWhiteSpace) || value.StartsWith('.')
            ? $"'{value}' is not a permission value: 1 to {MaximumLength} characters, no spaces, not starting with a dot."
            : null;
}
