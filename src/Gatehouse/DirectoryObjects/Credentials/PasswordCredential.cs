namespace Gatehouse.DirectoryObjects.Credentials;

/// <summary>
/// A client secret. Only <see cref="Hint"/> and a keyed hash of the value are kept: the value itself is shown once,
/// when it is made, and never stored.
/// </summary>
internal sealed class PasswordCredential
{
    public Guid KeyId { get; set; }
    public Guid ApplicationId { get; set; }

    /// <summary>The Description given in the portal.</summary>
    public string? DisplayName { get; set; }

    /// <summary>The first three characters of the value.</summary>
    public string Hint { get; set; } = "";

    public DateTimeOffset StartDateTime { get; set; }
    public DateTimeOffset EndDateTime { get; set; }
    public byte[] SecretSalt { get; set; } = [];
    public byte[] SecretHash { get; set; } = [];
}
