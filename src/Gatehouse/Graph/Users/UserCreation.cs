using Gatehouse.DirectoryObjects.Roles;
using Gatehouse.DirectoryObjects.Users;

namespace Gatehouse.Graph.Users;

/// <summary>POST /users (docs/protocol/graph-dataverse.md §2.1): through the same directory operation as `gatehouse user create`.</summary>
internal static class UserCreation
{
    /// <summary>The directory roles that let a signed-in user create users (Entra's built-in role permissions).</summary>
    private static readonly DirectoryRoleTemplate[] UserManagers = [DirectoryRoleTemplate.GlobalAdministrator, DirectoryRoleTemplate.UserAdministrator];

    public static async Task<IResult> CreateAsync(GraphRequest request, UserAccounts users, DirectoryRoleAssignments roles, CancellationToken cancellationToken)
    {
        if (request.Caller.UserId is { } signedIn && !await roles.HoldsAnyAsync(request.TenantId, signedIn, UserManagers, cancellationToken))
        {
            return GraphErrors.AccessDenied();
        }

        var read = await GraphBody.ReadObjectAsync(request.Context.Request, cancellationToken);
        if (!read.Succeeded)
        {
            return read.Error;
        }

        var body = read.Value;
        var password = body.TryGetProperty("passwordProfile", out var profile) && profile.ValueKind == System.Text.Json.JsonValueKind.Object
            ? profile.Text("password")
            : null;
        foreach (var (name, value) in new[] { ("userPrincipalName", body.Text("userPrincipalName")), ("displayName", body.Text("displayName")), ("passwordProfile", password) })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return GraphErrors.BadRequest($"Invalid value specified for property '{name}' of resource 'User'.");
            }
        }

        if (PasswordRules.Check(password!) is not null)
        {
            return GraphErrors.PasswordTooWeak();
        }

        var created = await users.CreateAsync(
            request.TenantId,
            new NewUser(body.Text("userPrincipalName")!, password!, body.Text("displayName"), body.Text("givenName"), body.Text("surname"), body.Text("mail")),
            cancellationToken);
        if (!created.Succeeded)
        {
            return created.Error.Kind == DirectoryObjects.DirectoryErrorKind.Conflict
                ? GraphErrors.BadRequest("Another object with the same value for property userPrincipalName already exists.")
                : GraphErrors.Directory(created.Error);
        }

        return GraphResponses.Entity(request, "users", UserResource.Shape.Write(created.Value), status: StatusCodes.Status201Created);
    }
}
