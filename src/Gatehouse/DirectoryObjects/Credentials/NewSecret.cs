namespace Gatehouse.DirectoryObjects.Credentials;

/// <summary>A secret just made: the only object that ever holds its value.</summary>
internal sealed record NewSecret(PasswordCredential Credential, string SecretText);
