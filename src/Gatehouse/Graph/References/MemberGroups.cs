using System.Text.Json;
using System.Text.Json.Nodes;
using Gatehouse.DirectoryObjects;
using Gatehouse.DirectoryObjects.Groups;
using Gatehouse.DirectoryObjects.Users;
using Gatehouse.Graph.Groups;
using Gatehouse.Graph.Users;
using static Gatehouse.Graph.GraphPermission;

namespace Gatehouse.Graph.References;

/// <summary>
/// getMemberGroups and checkMemberGroups on users, groups and directory objects (docs/protocol/graph-dataverse.md §2.2):
/// the ids of the groups an object belongs to directly or through nested groups, as a collection of strings.
/// </summary>
internal static class MemberGroups
{
    public const int MaximumCheckedGroups = 20;

    private static readonly GraphOperation ReadDirectoryObject = new(
        [DirectoryReadAll, DirectoryReadWriteAll, DirectoryAccessAsUserAll],
        [DirectoryReadAll, DirectoryReadWriteAll])
    {
        Self = [UserRead, UserReadWrite],
    };

    private enum Target
    {
        User,
        Group,
        DirectoryObject,
    }

    public static void MapMemberGroups(this RouteGroupBuilder graph)
    {
        foreach (var (segment, target, operation) in new[]
        {
            ("users", Target.User, UserMemberOf.Read),
            ("groups", Target.Group, GroupEndpoints.Read),
            ("directoryObjects", Target.DirectoryObject, ReadDirectoryObject),
        })
        {
            graph.MapPost($"/{segment}/{{id}}/getMemberGroups", (string id, GraphRequest request, UserAccounts users, GroupMemberships groups, DirectoryObjectTypes types, CancellationToken ct) =>
                AnswerAsync(id, target, check: false, request, new(users, groups, types), ct)).Requires(operation);
            graph.MapPost($"/{segment}/{{id}}/checkMemberGroups", (string id, GraphRequest request, UserAccounts users, GroupMemberships groups, DirectoryObjectTypes types, CancellationToken ct) =>
                AnswerAsync(id, target, check: true, request, new(users, groups, types), ct)).Requires(operation);
        }

        graph.MapPost("/me/getMemberGroups", (GraphRequest request, UserAccounts users, GroupMemberships groups, DirectoryObjectTypes types, CancellationToken ct) =>
            AnswerMeAsync(check: false, request, new(users, groups, types), ct)).Requires(UserMemberOf.Read);
        graph.MapPost("/me/checkMemberGroups", (GraphRequest request, UserAccounts users, GroupMemberships groups, DirectoryObjectTypes types, CancellationToken ct) =>
            AnswerMeAsync(check: true, request, new(users, groups, types), ct)).Requires(UserMemberOf.Read);
    }

    /// <summary>The directory services that find the object the path names.</summary>
    private sealed record Lookups(UserAccounts Users, GroupMemberships Groups, DirectoryObjectTypes ObjectTypes);

    private static Task<IResult> AnswerMeAsync(bool check, GraphRequest request, Lookups lookups, CancellationToken cancellationToken) =>
        request.Caller.UserId is { } me
            ? AnswerAsync(me.ToString(), Target.User, check, request, lookups, cancellationToken)
            : Task.FromResult<IResult>(GraphErrors.MeNeedsDelegation());

    private static async Task<IResult> AnswerAsync(
        string id, Target target, bool check, GraphRequest request, Lookups lookups, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, target, request, lookups, cancellationToken) is not { } objectId)
        {
            return GraphErrors.NotFound(id);
        }

        if (!request.MayReach(objectId))
        {
            return GraphErrors.AccessDenied();
        }

        var body = await GraphBody.ReadObjectAsync(request.Context.Request, cancellationToken);
        if (!body.Succeeded)
        {
            return body.Error;
        }

        var question = check ? ReadGroupIds(body.Value) : ReadSecurityEnabledOnly(body.Value);
        if (!question.Succeeded)
        {
            return question.Error;
        }

        var seesHidden = request.Caller.UserId == objectId || request.Caller.HasAny([MemberReadHidden], [MemberReadHidden]);
        var groups = await lookups.Groups.TransitiveGroupsAsync(
            request.TenantId, objectId, question.Value.SecurityEnabledOnly, seesHidden, cancellationToken);
        var ids = groups.Select(g => g.Id).Where(g => question.Value.GroupIds is not { } asked || asked.Contains(g));
        var answer = new JsonObject
        {
            ["@odata.context"] = GraphResponses.Context(request, "Collection(Edm.String)"),
            ["value"] = new JsonArray([.. ids.Select(g => JsonValue.Create(g.ToString()))]),
        };
        return GraphResponses.Json(answer, StatusCodes.Status200OK);
    }

    private static async Task<Guid?> FindAsync(string id, Target target, GraphRequest request, Lookups lookups, CancellationToken cancellationToken) =>
        target switch
        {
            Target.User => (await lookups.Users.FindAsync(request.TenantId, id, cancellationToken))?.Id,
            Target.Group => (await GroupEndpoints.Find(request, id, lookups.Groups, cancellationToken))?.Id,
            _ => Guid.TryParse(id, out var objectId) && await lookups.ObjectTypes.FindAsync(request.TenantId, objectId, cancellationToken) is not null
                ? objectId
                : null,
        };

    private sealed record Question(bool SecurityEnabledOnly, IReadOnlySet<Guid>? GroupIds);

    private static Outcome<Question, GraphError> ReadSecurityEnabledOnly(JsonElement body) =>
        !body.TryGetProperty("securityEnabledOnly", out var value) ? new Question(false, null)
        : value.ValueKind is JsonValueKind.True or JsonValueKind.False ? new Question(value.GetBoolean(), null)
        : GraphErrors.BadRequest("Invalid value specified for property 'securityEnabledOnly'.");

    private static Outcome<Question, GraphError> ReadGroupIds(JsonElement body)
    {
        if (!body.TryGetProperty("groupIds", out var value) || value.ValueKind != JsonValueKind.Array)
        {
            return GraphErrors.BadRequest("Invalid value specified for property 'groupIds'.");
        }

        if (value.GetArrayLength() > MaximumCheckedGroups)
        {
            return GraphErrors.BadRequest($"The number of group ids must not exceed {MaximumCheckedGroups}.");
        }

        var ids = new HashSet<Guid>();
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String || !Guid.TryParse(item.GetString(), out var groupId))
            {
                return GraphErrors.BadRequest($"Invalid GUID specified in property 'groupIds': {item.GetRawText()}.");
            }

            ids.Add(groupId);
        }

        return new Question(false, ids);
    }
}
