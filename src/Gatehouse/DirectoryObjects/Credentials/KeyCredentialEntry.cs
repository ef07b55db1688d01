namespace Gatehouse.DirectoryObjects.Credentials;

/// <summary>One entry of a keyCredentials list sent to Graph: a certificate to add (its DER <see cref="Key"/>) or one to keep (its <see cref="KeyId"/> alone).</summary>
internal sealed record KeyCredentialEntry(Guid? KeyId, byte[]? Key, string? Type, string? Usage);
