using System.Text.Json;
using Gatehouse.DirectoryObjects.Roles;
using Gatehouse.DirectoryObjects.Users;

namespace Gatehouse.Graph.Users;

/// <summary>
/// PATCH /users/{id} and /me (docs/protocol/graph-dataverse.md §2.1): merges the properties sent, answers 204. A
/// passwordProfile resets the password, which only a User or Global Administrator may do: the signed-in user (with
/// Directory.AccessAsUser.All), or for an app-only token the app's own service principal.
/// </summary>
internal static class UserUpdate
{
    private static readonly DirectoryRoleTemplate[] UserManagers = [DirectoryRoleTemplate.GlobalAdministrator, DirectoryRoleTemplate.UserAdministrator];

    public static async Task<IResult> UpdateAsync(string id, GraphRequest request, UserAccounts users, DirectoryRoleAssignments roles, CancellationToken cancellationToken)
    {
        var user = await users.FindAsync(request.TenantId, id, cancellationToken);
        if (user is null)
        {
            return GraphErrors.NotFound(id);
        }

        // A signed-in user changes others only as a Global or User Administrator; a Self permission reaches only themself.
        if (!request.MayReach(user.Id)
            || (request.Caller.UserId is { } signedIn && signedIn != user.Id && !await roles.HoldsAnyAsync(request.TenantId, signedIn, UserManagers, cancellationToken)))
        {
            return GraphErrors.AccessDenied();
        }

        var body = await GraphBody.ReadObjectAsync(request.Context.Request, cancellationToken);
        if (!body.Succeeded)
        {
            return body.Error;
        }

        var changes = Read(body.Value);
        if (!changes.Succeeded)
        {
            return changes.Error;
        }

        if (changes.Value.Password is { } password)
        {
            if (!await MayResetPasswordAsync(request, roles, cancellationToken))
            {
                return GraphErrors.AccessDenied();
            }

            if (PasswordRules.Check(password) is not null)
            {
                return GraphErrors.PasswordTooWeak();
            }
        }

        var updated = await users.UpdateAsync(request.TenantId, user.Id, changes.Value, cancellationToken);
        return updated.Succeeded ? Results.NoContent() : GraphErrors.Directory(updated.Error);
    }

    public static Task<IResult> UpdateMeAsync(GraphRequest request, UserAccounts users, DirectoryRoleAssignments roles, CancellationToken cancellationToken) =>
        request.Caller.UserId is { } me
            ? UpdateAsync(me.ToString(), request, users, roles, cancellationToken)
            : Task.FromResult<IResult>(GraphErrors.MeNeedsDelegation());

    private static async Task<bool> MayResetPasswordAsync(GraphRequest request, DirectoryRoleAssignments roles, CancellationToken cancellationToken) =>
        (!request.Caller.IsDelegated || request.Caller.Scopes.Contains(GraphPermission.DirectoryAccessAsUserAll))
        && await roles.HoldsAnyAsync(request.TenantId, request.Caller.ObjectId, UserManagers, cancellationToken);

    private static Outcome<UserChanges, GraphError> Read(JsonElement body)
    {
        var cleared = new HashSet<string>(StringComparer.Ordinal);
        // Instance annotations (the SDK sends "@odata.type") describe the body; they change nothing.
        foreach (var property in body.EnumerateObject().Where(p => !p.Name.StartsWith('@')))
        {
            var known = property.Name is "displayName" or "accountEnabled" or "passwordProfile" || UserChanges.Optional.Contains(property.Name);
            var wellTyped = property.Name switch
            {
                "accountEnabled" => property.Value.ValueKind is JsonValueKind.True or JsonValueKind.False,
                "passwordProfile" => IsPasswordProfile(property.Value),
                _ => property.Value.ValueKind is JsonValueKind.String or JsonValueKind.Null,
            };
            if (!known || !wellTyped)
            {
                return GraphErrors.BadRequest($"Invalid value specified for property '{property.Name}' of resource 'User'.");
            }

            if (property.Value.ValueKind == JsonValueKind.Null)
            {
                cleared.Add(property.Name);
            }
        }

        return new UserChanges
        {
            DisplayName = body.Text("displayName"),
            AccountEnabled = body.TryGetProperty("accountEnabled", out var enabled) ? enabled.GetBoolean() : null,
            GivenName = body.Text("givenName"),
            Surname = body.Text("surname"),
            JobTitle = body.Text("jobTitle"),
            Department = body.Text("department"),
            OfficeLocation = body.Text("officeLocation"),
            MobilePhone = body.Text("mobilePhone"),
            CompanyName = body.Text("companyName"),
            Password = body.TryGetProperty("passwordProfile", out var profile) ? profile.Text("password") : null,
            Cleared = cleared,
        };
    }

    /// <summary>A passwordProfile with a password; the force-change flags are accepted and not enforced.</summary>
    private static bool IsPasswordProfile(JsonElement profile) =>
        profile.ValueKind == JsonValueKind.Object
        && !string.IsNullOrEmpty(profile.Text("password"))
        && profile.EnumerateObject().All(p => p.Name switch
        {
            "password" => true,
            "forceChangePasswordNextSignIn" or "forceChangePasswordNextSignInWithMfa" => p.Value.ValueKind is JsonValueKind.True or JsonValueKind.False,
            _ => p.Name.StartsWith('@'),
        });
}
