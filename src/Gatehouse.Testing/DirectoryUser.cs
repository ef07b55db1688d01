namespace Gatehouse.Testing;

/// <summary>A user of the default tenant: object ID, user principal name and the password it was created with.</summary>
public sealed record DirectoryUser(string Id, string UserPrincipalName, string Password);
