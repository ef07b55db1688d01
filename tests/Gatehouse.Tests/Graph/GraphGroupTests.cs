using System.Net;
using Gatehouse.Tests.Infrastructure;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;

namespace Gatehouse.Tests.Graph;

/// <summary>Groups through the Graph SDK: create, members and owners by $ref, mixed member lists, memberOf, hidden membership.</summary>
[Collection(GraphServers.Name)]
public sealed class GraphGroupTests(GatehouseOnBothStores gatehouse)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [BothStores]
    public async Task Members_added_by_ref_are_listed_with_their_types_and_removed_by_ref(string store)
    {
        var server = await gatehouse.OnAsync(store);
        var graph = server.AppOnly(await server.RegisterClientAsync("groups-" + store, ("Microsoft Graph", "Group.ReadWrite.All"), ("Microsoft Graph", "User.Read.All")));
        var (userId, _) = await DirectoryUsers.CreateAsync(server, "member");
        var name = "Team " + Guid.NewGuid().ToString("N")[..8];
        var team = await graph.Groups.PostAsync(new Group { DisplayName = name, MailEnabled = false, MailNickname = "team", SecurityEnabled = true }, cancellationToken: Ct);
        var nested = await graph.Groups.PostAsync(new Group { DisplayName = name + " nested", MailEnabled = false, MailNickname = "nested", SecurityEnabled = true }, cancellationToken: Ct);

        await graph.Groups[team!.Id].Members.Ref.PostAsync(new ReferenceCreate { OdataId = $"https://graph.microsoft.com/v1.0/directoryObjects/{userId}" }, cancellationToken: Ct);
        await graph.Groups[team.Id].Members.Ref.PostAsync(new ReferenceCreate { OdataId = $"https://graph.microsoft.com/v1.0/groups/{nested!.Id}" }, cancellationToken: Ct);
        var members = await graph.Groups[team.Id].Members.GetAsync(cancellationToken: Ct);
        var memberOf = await graph.Users[userId].MemberOf.GetAsync(cancellationToken: Ct);
        var duplicate = await Assert.ThrowsAsync<ODataError>(() =>
            graph.Groups[team.Id].Members.Ref.PostAsync(new ReferenceCreate { OdataId = $"https://graph.microsoft.com/v1.0/directoryObjects/{userId}" }, cancellationToken: Ct));
        await graph.Groups[team.Id].Members[userId].Ref.DeleteAsync(cancellationToken: Ct);
        var after = await graph.Groups[team.Id].Members.GetAsync(cancellationToken: Ct);
        var found = await graph.Groups.GetAsync(r => r.QueryParameters.Filter = $"startswith(displayName,'{name.ToLowerInvariant()}')", Ct);

        Assert.Equal(userId, Assert.Single(members!.Value!.OfType<User>()).Id);
        Assert.Equal(nested.Id, Assert.Single(members.Value!.OfType<Group>()).Id);
        Assert.Equal(team.Id, Assert.Single(memberOf!.Value!.OfType<Group>()).Id);
        Assert.Equal((int)HttpStatusCode.BadRequest, duplicate.ResponseStatusCode);
        Assert.Equal("Request_BadRequest", duplicate.Error!.Code);
        Assert.Equal(nested.Id, Assert.Single(after!.Value!).Id);
        Assert.Equal([name, name + " nested"], found!.Value!.Select(g => g.DisplayName));
    }

    [Theory]
    [BothStores]
    public async Task A_group_is_patched_owned_and_deleted_and_then_is_404(string store)
    {
        var server = await gatehouse.OnAsync(store);
        var graph = server.AppOnly(await server.RegisterClientAsync("group-life-" + store, ("Microsoft Graph", "Group.ReadWrite.All")));
        var (ownerId, _) = await DirectoryUsers.CreateAsync(server, "owner");
        var group = await graph.Groups.PostAsync(new Group { DisplayName = "Before", MailEnabled = false, MailNickname = "before", SecurityEnabled = true }, cancellationToken: Ct);

        await graph.Groups[group!.Id].PatchAsync(new Group { DisplayName = "After", Description = "Renamed" }, cancellationToken: Ct);
        await graph.Groups[group.Id].Owners.Ref.PostAsync(new ReferenceCreate { OdataId = $"https://graph.microsoft.com/v1.0/users/{ownerId}" }, cancellationToken: Ct);
        var read = await graph.Groups[group.Id].GetAsync(cancellationToken: Ct);
        var owners = await graph.Groups[group.Id].Owners.GetAsync(cancellationToken: Ct);
        await graph.Groups[group.Id].DeleteAsync(cancellationToken: Ct);
        var gone = await Assert.ThrowsAsync<ODataError>(() => graph.Groups[group.Id].GetAsync(cancellationToken: Ct));

        Assert.Equal("After", read!.DisplayName);
        Assert.Equal("Renamed", read.Description);
        Assert.Equal(ownerId, Assert.IsType<User>(Assert.Single(owners!.Value!)).Id);
        Assert.Equal((int)HttpStatusCode.NotFound, gone.ResponseStatusCode);
        Assert.Equal("Request_ResourceNotFound", gone.Error!.Code);
    }

    [Theory]
    [BothStores]
    public async Task Hidden_members_are_refused_without_Member_Read_Hidden_and_left_out_of_memberOf(string store)
    {
        var server = await gatehouse.OnAsync(store);
        var writer = server.AppOnly(await server.RegisterClientAsync("hidden-writer-" + store, ("Microsoft Graph", "Group.ReadWrite.All")));
        var reader = server.AppOnly(await server.RegisterClientAsync("hidden-reader-" + store, ("Microsoft Graph", "GroupMember.Read.All"), ("Microsoft Graph", "User.Read.All")));
        var hiddenReader = server.AppOnly(await server.RegisterClientAsync(
            "hidden-auditor-" + store, ("Microsoft Graph", "GroupMember.Read.All"), ("Microsoft Graph", "User.Read.All"), ("Microsoft Graph", "Member.Read.Hidden")));
        var (userId, _) = await DirectoryUsers.CreateAsync(server, "hidden");
        var group = await writer.Groups.PostAsync(new Group
        {
            DisplayName = "Hidden " + store, MailEnabled = false, MailNickname = "hidden", SecurityEnabled = true, Visibility = "HiddenMembership",
        }, cancellationToken: Ct);
        await writer.Groups[group!.Id].Members.Ref.PostAsync(new ReferenceCreate { OdataId = $"https://graph.microsoft.com/v1.0/directoryObjects/{userId}" }, cancellationToken: Ct);

        var refused = await Assert.ThrowsAsync<ODataError>(() => reader.Groups[group.Id].Members.GetAsync(cancellationToken: Ct));
        var plainMemberOf = await reader.Users[userId].MemberOf.GetAsync(cancellationToken: Ct);
        var members = await hiddenReader.Groups[group.Id].Members.GetAsync(cancellationToken: Ct);
        var fullMemberOf = await hiddenReader.Users[userId].MemberOf.GetAsync(cancellationToken: Ct);

        Assert.Equal((int)HttpStatusCode.Forbidden, refused.ResponseStatusCode);
        Assert.Equal("Authorization_RequestDenied", refused.Error!.Code);
        Assert.Empty(plainMemberOf!.Value!);
        Assert.Equal(userId, Assert.Single(members!.Value!).Id);
        Assert.Equal(group.Id, Assert.Single(fullMemberOf!.Value!).Id);
    }

    [Fact]
    public async Task Without_a_group_permission_groups_are_403_and_a_reader_cannot_add_members()
    {
        var server = await gatehouse.OnAsync("sqlite");
        var usersOnly = server.AppOnly(await server.RegisterClientAsync("no-groups", ("Microsoft Graph", "User.Read.All")));
        var reader = server.AppOnly(await server.RegisterClientAsync("group-reader", ("Microsoft Graph", "Group.Read.All")));
        var writer = server.AppOnly(await server.RegisterClientAsync("group-writer", ("Microsoft Graph", "Group.ReadWrite.All")));
        var group = await writer.Groups.PostAsync(new Group { DisplayName = "Guarded", MailEnabled = false, MailNickname = "guarded", SecurityEnabled = true }, cancellationToken: Ct);

        var list = await Assert.ThrowsAsync<ODataError>(() => usersOnly.Groups.GetAsync(cancellationToken: Ct));
        var add = await Assert.ThrowsAsync<ODataError>(() =>
            reader.Groups[group!.Id].Members.Ref.PostAsync(new ReferenceCreate { OdataId = $"https://graph.microsoft.com/v1.0/directoryObjects/{Guid.NewGuid()}" }, cancellationToken: Ct));
        var unknownMember = await Assert.ThrowsAsync<ODataError>(() =>
            writer.Groups[group!.Id].Members.Ref.PostAsync(new ReferenceCreate { OdataId = $"https://graph.microsoft.com/v1.0/directoryObjects/{Guid.NewGuid()}" }, cancellationToken: Ct));
        var missingName = await Assert.ThrowsAsync<ODataError>(() => writer.Groups.PostAsync(new Group { MailEnabled = false, MailNickname = "x", SecurityEnabled = true }, cancellationToken: Ct));

        Assert.Equal((int)HttpStatusCode.Forbidden, list.ResponseStatusCode);
        Assert.Equal("Authorization_RequestDenied", list.Error!.Code);
        Assert.Equal((int)HttpStatusCode.Forbidden, add.ResponseStatusCode);
        Assert.Equal((int)HttpStatusCode.NotFound, unknownMember.ResponseStatusCode);
        Assert.Equal("Request_ResourceNotFound", unknownMember.Error!.Code);
        Assert.Equal((int)HttpStatusCode.BadRequest, missingName.ResponseStatusCode);
    }

    [Theory]
    [BothStores]
    public async Task A_signed_in_user_manages_only_the_groups_they_own(string store)
    {
        var server = await gatehouse.OnAsync(store);
        using var signIn = await DelegatedSignIn.CreateAsync(server, "grp-" + store, "Group.ReadWrite.All");
        var graph = server.WithToken(await GraphCalendarTests.SignInAsync(server, signIn, "Group.ReadWrite.All"));
        var app = server.AppOnly(await server.RegisterClientAsync("grp-admin-" + store, ("Microsoft Graph", "Group.ReadWrite.All")));
        var someoneElses = await app.Groups.PostAsync(new Group { DisplayName = "Not theirs", MailEnabled = false, MailNickname = "other", SecurityEnabled = true }, cancellationToken: Ct);

        var own = await graph.Groups.PostAsync(new Group { DisplayName = "Theirs", MailEnabled = false, MailNickname = "theirs", SecurityEnabled = true }, cancellationToken: Ct);
        var owners = await graph.Groups[own!.Id].Owners.GetAsync(cancellationToken: Ct);
        await graph.Groups[own.Id].PatchAsync(new Group { Description = "mine" }, cancellationToken: Ct);
        var refused = await Assert.ThrowsAsync<ODataError>(() => graph.Groups[someoneElses!.Id].PatchAsync(new Group { Description = "mine" }, cancellationToken: Ct));

        Assert.Equal(signIn.Upn, Assert.IsType<User>(Assert.Single(owners!.Value!)).UserPrincipalName);
        Assert.Equal((int)HttpStatusCode.Forbidden, refused.ResponseStatusCode);
    }
}
