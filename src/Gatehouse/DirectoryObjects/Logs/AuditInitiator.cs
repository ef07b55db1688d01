namespace Gatehouse.DirectoryObjects.Logs;

/// <summary>
/// Who is changing the directory in this flow of execution: each surface names its caller once (Graph's gate, the
/// portal's session, the management verbs), and every audit entry written below it carries the name.
/// </summary>
internal sealed record AuditInitiator(string Type, Guid? Id, string? AppId, string? DisplayName, string? UserPrincipalName, string? IpAddress)
{
    public const string User = "user";
    public const string App = "app";
    public const string CommandLine = "cli";

    /// <summary>Gatehouse itself: the first start, the first-party service principals, a scheduled key rotation.</summary>
    public const string Server = "system";

    private static readonly AsyncLocal<AuditInitiator?> Ambient = new();

    public static AuditInitiator? Current => Ambient.Value;

    /// <summary>Names the caller for the code that runs after this, in this async flow.</summary>
    public static void Set(AuditInitiator initiator) => Ambient.Value = initiator;

    public static AuditInitiator ForUser(Guid id, string? displayName, string? userPrincipalName, string? ipAddress) =>
        new(User, id, null, displayName, userPrincipalName, ipAddress);

    public static AuditInitiator ForApp(Guid servicePrincipalId, string appId, string? displayName, string? ipAddress) =>
        new(App, servicePrincipalId, appId, displayName, null, ipAddress);

    public static readonly AuditInitiator ManagementVerb = new(CommandLine, null, null, "gatehouse CLI", null, null);
}
