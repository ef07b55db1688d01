namespace Gatehouse.Graph;

/// <summary>
/// Endpoint metadata: the permissions Graph documents for an operation, any one of which lets a caller in —
/// application permissions from an app-only token's roles, delegated ones from a user token's scp. <see cref="Self"/>
/// lists delegated permissions that reach only the signed-in user's own object (User.Read on /users/{me}).
/// </summary>
internal sealed record GraphOperation(IReadOnlyList<string> Delegated, IReadOnlyList<string> Application)
{
    public IReadOnlyList<string> Self { get; init; } = [];

    /// <summary>An Outlook resource (events, calendars): a missing permission is ErrorAccessDenied, as Outlook words it.</summary>
    public bool Outlook { get; init; }
}

internal static class GraphOperationExtensions
{
    public static TBuilder Requires<TBuilder>(this TBuilder builder, GraphOperation operation)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(operation);
}
