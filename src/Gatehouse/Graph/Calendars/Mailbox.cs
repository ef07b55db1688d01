using Gatehouse.DirectoryObjects.Users;

namespace Gatehouse.Graph.Calendars;

/// <summary>
/// Whose calendar a request reaches: /me is the signed-in user (delegated tokens only); /users/{id or UPN} is anyone
/// in the tenant for an app-only token, and only the signed-in user for a delegated one (no shared calendars here).
/// </summary>
internal static class Mailbox
{
    /// <summary>The mailbox of the request's route: {userId} when the route has one, else the signed-in user.</summary>
    public static async Task<Outcome<User, GraphError>> ResolveAsync(GraphRequest request, UserAccounts users, CancellationToken cancellationToken)
    {
        var userId = RouteValue(request, "userId");
        if ((userId ?? request.Caller.UserId?.ToString()) is not { } named)
        {
            return GraphErrors.MeNeedsDelegation();
        }

        var owner = await users.FindAsync(request.TenantId, named, cancellationToken);
        if (owner is null)
        {
            return GraphErrors.OutlookInvalidUser(userId ?? "me");
        }

        return request.Caller.IsDelegated && owner.Id != request.Caller.UserId ? GraphErrors.OutlookAccessDenied() : owner;
    }

    /// <summary>A value of the matched route only: /me has no {userId}, and a query string must not supply one.</summary>
    public static string? RouteValue(GraphRequest request, string name) => request.Context.GetRouteValue(name) as string;
}
