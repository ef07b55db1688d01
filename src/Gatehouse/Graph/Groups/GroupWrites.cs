using System.Text.Json;
using Gatehouse.DirectoryObjects;
using Gatehouse.DirectoryObjects.Groups;
using Gatehouse.Graph.References;

namespace Gatehouse.Graph.Groups;

/// <summary>POST, PATCH and DELETE /groups (docs/protocol/graph-dataverse.md §2.2), through the directory's group operations.</summary>
internal static class GroupWrites
{
    private static readonly string[] Required = ["displayName", "mailEnabled", "mailNickname", "securityEnabled"];

    private static readonly string[] Updatable = ["displayName", "description", "mailNickname", "visibility", "securityEnabled", "mailEnabled", "members@odata.bind"];

    public static async Task<IResult> CreateAsync(GraphRequest request, GroupMemberships groups, DirectoryObjectTypes objectTypes, CancellationToken cancellationToken)
    {
        var read = await GraphBody.ReadObjectAsync(request.Context.Request, cancellationToken);
        if (!read.Succeeded)
        {
            return read.Error;
        }

        var body = read.Value;
        foreach (var name in Required)
        {
            var present = body.TryGetProperty(name, out var value);
            var typed = name is "mailEnabled" or "securityEnabled"
                ? value.ValueKind is JsonValueKind.True or JsonValueKind.False
                : value.ValueKind == JsonValueKind.String && value.GetString()!.Trim().Length > 0;
            if (!present || !typed)
            {
                return Invalid(name);
            }
        }

        if (body.TryGetProperty("groupTypes", out var types)
            && (types.ValueKind != JsonValueKind.Array || types.EnumerateArray().Any(t => t.ValueKind != JsonValueKind.String)))
        {
            return Invalid("groupTypes");
        }

        var members = DirectoryObjectReference.ReadBind(body, "members");
        if (!members.Succeeded)
        {
            return members.Error;
        }

        var owners = DirectoryObjectReference.ReadBind(body, "owners");
        if (!owners.Succeeded)
        {
            return owners.Error;
        }

        foreach (var id in members.Value.Concat(owners.Value))
        {
            if (await objectTypes.FindAsync(request.TenantId, id, cancellationToken) is null)
            {
                return GraphErrors.NotFound(id.ToString());
            }
        }

        var created = await groups.CreateAsync(
            request.TenantId,
            new NewGroup(
                body.Text("displayName")!,
                body.Text("description"),
                body.Text("mailNickname"),
                body.GetProperty("mailEnabled").GetBoolean(),
                body.GetProperty("securityEnabled").GetBoolean(),
                body.Text("visibility"),
                types.ValueKind == JsonValueKind.Array ? [.. types.EnumerateArray().Select(t => t.GetString()!)] : null),
            cancellationToken);
        if (!created.Succeeded)
        {
            return GraphErrors.Directory(created.Error);
        }

        // A signed-in user who creates a group without naming owners owns it, as Graph does for delegated calls.
        var ownerIds = owners.Value.Count == 0 && request.Caller.UserId is { } creator ? [creator] : owners.Value;
        foreach (var owner in ownerIds)
        {
            var added = await groups.AddOwnerAsync(request.TenantId, created.Value.Id, owner, cancellationToken);
            if (!added.Succeeded)
            {
                await groups.DeleteAsync(request.TenantId, created.Value.Id, cancellationToken);
                return GraphErrors.Directory(added.Error);
            }
        }

        foreach (var member in members.Value)
        {
            await groups.AddMemberAsync(request.TenantId, created.Value.Id, member, cancellationToken);
        }

        return GraphResponses.Entity(request, "groups", GroupResource.Shape.Write(created.Value), status: StatusCodes.Status201Created);
    }

    public static async Task<IResult> UpdateAsync(string id, GraphRequest request, GroupMemberships groups, GroupAccess access, CancellationToken cancellationToken)
    {
        var manageable = await access.FindManageableAsync(request, id, cancellationToken);
        if (!manageable.Succeeded)
        {
            return manageable.Error;
        }

        var group = manageable.Value;
        var read = await GraphBody.ReadObjectAsync(request.Context.Request, cancellationToken);
        if (!read.Succeeded)
        {
            return read.Error;
        }

        var body = read.Value;
        // Instance annotations (the SDK sends "@odata.type") describe the body; they change nothing.
        foreach (var property in body.EnumerateObject().Where(p => !p.Name.StartsWith('@')))
        {
            var wellTyped = property.Name switch
            {
                "securityEnabled" or "mailEnabled" => property.Value.ValueKind is JsonValueKind.True or JsonValueKind.False,
                "description" => property.Value.ValueKind is JsonValueKind.String or JsonValueKind.Null,
                "members@odata.bind" => true,
                _ => property.Value.ValueKind == JsonValueKind.String,
            };
            if (!Updatable.Contains(property.Name) || !wellTyped)
            {
                return Invalid(property.Name);
            }
        }

        var members = DirectoryObjectReference.ReadBind(body, "members");
        if (!members.Succeeded)
        {
            return members.Error;
        }

        var updated = await groups.UpdateAsync(request.TenantId, group.Id, new GroupChanges
        {
            DisplayName = body.Text("displayName"),
            Description = body.Text("description"),
            ClearDescription = body.TryGetProperty("description", out var description) && description.ValueKind == JsonValueKind.Null,
            MailNickname = body.Text("mailNickname"),
            Visibility = body.Text("visibility"),
            SecurityEnabled = body.TryGetProperty("securityEnabled", out var security) ? security.GetBoolean() : null,
            MailEnabled = body.TryGetProperty("mailEnabled", out var mail) ? mail.GetBoolean() : null,
        }, cancellationToken);
        if (!updated.Succeeded)
        {
            return GraphErrors.Directory(updated.Error);
        }

        foreach (var member in members.Value)
        {
            var added = await groups.AddMemberAsync(request.TenantId, group.Id, member, cancellationToken);
            if (!added.Succeeded)
            {
                return GraphErrors.Directory(added.Error);
            }
        }

        return Results.NoContent();
    }

    public static async Task<IResult> DeleteAsync(string id, GraphRequest request, GroupMemberships groups, GroupAccess access, CancellationToken cancellationToken)
    {
        var manageable = await access.FindManageableAsync(request, id, cancellationToken);
        if (!manageable.Succeeded)
        {
            return manageable.Error;
        }

        var group = manageable.Value;
        var deleted = await groups.DeleteAsync(request.TenantId, group.Id, cancellationToken);
        return deleted.Succeeded ? Results.NoContent() : GraphErrors.Directory(deleted.Error);
    }

    private static GraphError Invalid(string property) =>
        GraphErrors.BadRequest($"Invalid value specified for property '{property}' of resource 'Group'.");
}
