namespace Gatehouse.DirectoryObjects;

/// <summary>Why a directory operation was refused. Each surface maps <see cref="Kind"/> to its own error dialect.</summary>
internal sealed record DirectoryError(DirectoryErrorKind Kind, string Message)
{
    public static DirectoryError NotFound(string message) => new(DirectoryErrorKind.NotFound, message);
    public static DirectoryError Invalid(string message) => new(DirectoryErrorKind.InvalidValue, message);
    public static DirectoryError Conflict(string message) => new(DirectoryErrorKind.Conflict, message);
    public static DirectoryError Policy(string message) => new(DirectoryErrorKind.PolicyViolation, message);
}

internal enum DirectoryErrorKind
{
    NotFound,
    InvalidValue,
    Conflict,
    PolicyViolation,
}
