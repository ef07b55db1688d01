namespace Gatehouse.Testing;

/// <summary>An app registration: its Application (client) ID, object ID, name and the client secret made with it.</summary>
public sealed record RegisteredApplication(string AppId, string ObjectId, string DisplayName, string ClientSecret);
