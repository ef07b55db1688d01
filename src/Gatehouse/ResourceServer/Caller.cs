namespace Gatehouse.ResourceServer;

/// <summary>
/// Who an accepted access token speaks for (docs/protocol/entra-protocol.md §4): a client app alone (app-only: its
/// service principal is <see cref="ObjectId"/>, its permissions are <see cref="Roles"/>), or a signed-in user through
/// a client (delegated: the user is <see cref="ObjectId"/>, the permissions are <see cref="Scopes"/>).
/// </summary>
internal sealed record Caller(
    Guid TenantId,
    Guid ClientAppId,
    Guid ObjectId,
    bool IsDelegated,
    IReadOnlySet<string> Roles,
    IReadOnlySet<string> Scopes)
{
    /// <summary>The signed-in user of a delegated token.</summary>
    public Guid? UserId => IsDelegated ? ObjectId : null;

    /// <summary>Whether the token carries any of the permissions, application ones for app-only tokens, delegated ones otherwise.</summary>
    public bool HasAny(IEnumerable<string> delegated, IEnumerable<string> application) =>
        IsDelegated ? delegated.Any(Scopes.Contains) : application.Any(Roles.Contains);
}
