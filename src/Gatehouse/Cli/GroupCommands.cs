using System.CommandLine;
using System.Globalization;
using System.Text;
using Gatehouse.DirectoryObjects.Groups;
using Gatehouse.DirectoryObjects.Users;

namespace Gatehouse.Cli;

/// <summary>`gatehouse group ...`: the admin center's Groups from the command line.</summary>
internal static class GroupCommands
{
    private static readonly Option<string> Name = new("--name") { Description = "Display name.", Required = true };
    private static readonly Option<string?> Description = new("--description") { Description = "Description." };
    private static readonly Option<string> Group = new("--group") { Description = "Object ID or display name of the group.", Required = true };
    private static readonly Argument<string> Named = new("group") { Description = "Object ID or display name." };
    private static readonly Option<string> Member = new("--member")
    {
        Description = "A user's object ID or user principal name, or the object ID of a group or service principal.",
        Required = true,
    };

    private static readonly Option<string?> Search = new("--search") { Description = "Only those whose display name starts with this." };
    private static readonly Option<int> Top = new("--top") { Description = "At most this many (default 100).", DefaultValueFactory = _ => 100 };

    public static Command Build(OpenDirectory open) => new("group", "Groups: create, list, show, delete, add and remove members.")
    {
        Verb.Create("create", "Create a security group.", open, CreateAsync, Name, Description),
        Verb.Create("list", "List the tenant's groups by display name.", open, ListAsync, Search, Top),
        Verb.Create("show", "Show a group with its members.", open, ShowAsync, Named),
        Verb.Create("delete", "Delete a group; its members lose what they held through it.", open, DeleteAsync, Named),
        new Command("member", "A group's members.")
        {
            Verb.Create("add", "Add a member to a group.", open, AddMemberAsync, Group, Member),
            Verb.Create("remove", "Remove a member from a group.", open, RemoveMemberAsync, Group, Member),
        },
    };

    private static async Task<CliResult> CreateAsync(VerbContext context) => CliResult.From(
        await context.Get<GroupMemberships>().CreateAsync(
            context.Tenant.Id, new NewGroup(context.Value(Name), context.ParseResult.GetValue(Description)), context.CancellationToken),
        View,
        g => $"Created group {g.DisplayName} ({g.Id}).");

    private static async Task<CliResult> ListAsync(VerbContext context)
    {
        var groups = await context.Get<GroupMemberships>().ListAsync(context.Tenant.Id, context.ParseResult.GetValue(Search), context.Value(Top), context.CancellationToken);
        var text = new StringBuilder("DISPLAY NAME\tOBJECT ID\tDESCRIPTION");
        foreach (var group in groups)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n{group.DisplayName}\t{group.Id}\t{group.Description ?? "-"}");
        }

        return CliResult.Ok(new { value = groups.Select(View) }, text.ToString());
    }

    private static Task<CliResult> ShowAsync(VerbContext context) => WithGroupAsync(context, context.Value(Named), async group =>
    {
        var members = await context.Get<GroupMemberships>().MembersAsync(group.Id, context.CancellationToken);
        return CliResult.Ok(
            new { group = View(group), members = members.Select(m => new { id = m.MemberId, type = m.MemberType.ToString() }) },
            $"{group.DisplayName}\nObject ID: {group.Id}\nMembers:   {members.Count}" +
            string.Concat(members.Select(m => $"\n  {m.MemberType} {m.MemberId}")));
    });

    private static Task<CliResult> DeleteAsync(VerbContext context) => WithGroupAsync(context, context.Value(Named), async group => CliResult.From(
        await context.Get<GroupMemberships>().DeleteAsync(context.Tenant.Id, group.Id, context.CancellationToken),
        g => new { id = g.Id, deleted = true },
        g => $"Deleted group {g.DisplayName}."));

    private static Task<CliResult> AddMemberAsync(VerbContext context) => WithGroupAsync(context, context.Value(Group), async group =>
        await MemberIdAsync(context) is { } memberId
            ? CliResult.From(
                await context.Get<GroupMemberships>().AddMemberAsync(context.Tenant.Id, group.Id, memberId, context.CancellationToken),
                m => new { groupId = m.GroupId, memberId = m.MemberId, type = m.MemberType.ToString() },
                m => $"Added {context.Value(Member)} to {group.DisplayName}.")
            : NoSuchMember(context));

    private static Task<CliResult> RemoveMemberAsync(VerbContext context) => WithGroupAsync(context, context.Value(Group), async group =>
    {
        if (await MemberIdAsync(context) is not { } memberId)
        {
            return NoSuchMember(context);
        }

        return await context.Get<GroupMemberships>().RemoveMemberAsync(group.Id, memberId, context.CancellationToken)
            ? CliResult.Ok(new { groupId = group.Id, memberId, removed = true }, $"Removed {context.Value(Member)} from {group.DisplayName}.")
            : CliResult.Fail($"{context.Value(Member)} is not a member of {group.DisplayName}.", "NotFound");
    });

    private static async Task<CliResult> WithGroupAsync(VerbContext context, string idOrName, Func<Group, Task<CliResult>> act)
    {
        var found = await context.Get<GroupMemberships>().ResolveAsync(context.Tenant.Id, idOrName, context.CancellationToken);
        return found.Succeeded ? await act(found.Value) : CliResult.Fail(found.Error);
    }

    /// <summary>--member as an object ID, or the user whose user principal name it is.</summary>
    private static async Task<Guid?> MemberIdAsync(VerbContext context)
    {
        var member = context.Value(Member);
        return Guid.TryParse(member, out var id) ? id : (await context.Get<UserAccounts>().FindAsync(context.Tenant.Id, member, context.CancellationToken))?.Id;
    }

    private static CliResult NoSuchMember(VerbContext context) =>
        CliResult.Fail($"No user {context.Value(Member)} in tenant {context.Tenant.Id}.", "NotFound");

    private static object View(Group group) => new
    {
        id = group.Id,
        displayName = group.DisplayName,
        description = group.Description,
        securityEnabled = group.SecurityEnabled,
        mailEnabled = group.MailEnabled,
        createdDateTime = group.CreatedDateTime,
    };
}
