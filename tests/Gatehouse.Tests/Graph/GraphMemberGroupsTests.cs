using System.Net;
using Gatehouse.Tests.Infrastructure;
using Microsoft.Graph.DirectoryObjects.Item.CheckMemberGroups;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Graph.Users.Item.GetMemberGroups;
using GroupMemberGroups = Microsoft.Graph.Groups.Item.GetMemberGroups.GetMemberGroupsPostRequestBody;

namespace Gatehouse.Tests.Graph;

/// <summary>getMemberGroups and checkMemberGroups through the SDK: transitive membership, security groups only, a subset of at most 20 ids.</summary>
[Collection(GraphServers.Name)]
public sealed class GraphMemberGroupsTests(GatehouseOnBothStores gatehouse)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [BothStores]
    public async Task Member_groups_are_transitive_and_security_enabled_only_leaves_out_the_others(string store)
    {
        var server = await gatehouse.OnAsync(store);
        var graph = server.AppOnly(await server.RegisterClientAsync("member-groups-" + store, ("Microsoft Graph", "Group.ReadWrite.All"), ("Microsoft Graph", "User.Read.All")));
        var (userId, upn) = await DirectoryUsers.CreateAsync(server, "nested");
        var inner = await CreateGroupAsync(graph, "inner", securityEnabled: true);
        var outer = await CreateGroupAsync(graph, "outer", securityEnabled: true);
        var mail = await CreateGroupAsync(graph, "mail", securityEnabled: false);
        await AddAsync(graph, inner, userId);
        await AddAsync(graph, outer, inner);
        await AddAsync(graph, mail, userId);

        var all = await graph.Users[upn].GetMemberGroups.PostAsGetMemberGroupsPostResponseAsync(new GetMemberGroupsPostRequestBody { SecurityEnabledOnly = false }, cancellationToken: Ct);
        var security = await graph.Users[userId].GetMemberGroups.PostAsGetMemberGroupsPostResponseAsync(new GetMemberGroupsPostRequestBody { SecurityEnabledOnly = true }, cancellationToken: Ct);
        var ofGroup = await graph.Groups[inner].GetMemberGroups.PostAsGetMemberGroupsPostResponseAsync(new GroupMemberGroups { SecurityEnabledOnly = false }, cancellationToken: Ct);

        Assert.Equal(new[] { inner, outer, mail }.Order(), all!.Value!.Order());
        Assert.Equal(new[] { inner, outer }.Order(), security!.Value!.Order());
        Assert.Equal([outer], ofGroup!.Value!);
    }

    [Theory]
    [BothStores]
    public async Task Check_member_groups_answers_the_subset_and_refuses_more_than_20_ids(string store)
    {
        var server = await gatehouse.OnAsync(store);
        var graph = server.AppOnly(await server.RegisterClientAsync("check-groups-" + store, ("Microsoft Graph", "Group.ReadWrite.All"), ("Microsoft Graph", "Directory.Read.All")));
        var (userId, _) = await DirectoryUsers.CreateAsync(server, "checked");
        var inner = await CreateGroupAsync(graph, "inner", securityEnabled: true);
        var outer = await CreateGroupAsync(graph, "outer", securityEnabled: true);
        var other = await CreateGroupAsync(graph, "other", securityEnabled: true);
        await AddAsync(graph, inner, userId);
        await AddAsync(graph, outer, inner);

        var subset = await graph.DirectoryObjects[userId].CheckMemberGroups.PostAsCheckMemberGroupsPostResponseAsync(
            new CheckMemberGroupsPostRequestBody { GroupIds = [outer, other, Guid.NewGuid().ToString()] }, cancellationToken: Ct);
        var tooMany = await Assert.ThrowsAsync<ODataError>(() => graph.DirectoryObjects[userId].CheckMemberGroups.PostAsCheckMemberGroupsPostResponseAsync(
            new CheckMemberGroupsPostRequestBody { GroupIds = [.. Enumerable.Range(0, 21).Select(_ => Guid.NewGuid().ToString())] }, cancellationToken: Ct));
        var unknown = await Assert.ThrowsAsync<ODataError>(() => graph.DirectoryObjects[Guid.NewGuid().ToString()].CheckMemberGroups.PostAsCheckMemberGroupsPostResponseAsync(
            new CheckMemberGroupsPostRequestBody { GroupIds = [outer] }, cancellationToken: Ct));

        Assert.Equal([outer], subset!.Value!);
        Assert.Equal((int)HttpStatusCode.BadRequest, tooMany.ResponseStatusCode);
        Assert.Equal("Request_BadRequest", tooMany.Error!.Code);
        Assert.Equal((int)HttpStatusCode.NotFound, unknown.ResponseStatusCode);
    }

    [Theory]
    [BothStores]
    public async Task A_user_reads_their_own_groups_with_User_Read_and_no_one_elses(string store)
    {
        var server = await gatehouse.OnAsync(store);
        using var signIn = await DelegatedSignIn.CreateAsync(server, "own-groups-" + store);
        var self = server.WithToken(await GraphDelegatedTests.DelegatedTokenAsync(signIn));
        var admin = server.AppOnly(await server.RegisterClientAsync("own-groups-admin-" + store, ("Microsoft Graph", "Group.ReadWrite.All")));
        var me = await self.Me.GetAsync(cancellationToken: Ct);
        var team = await CreateGroupAsync(admin, "own", securityEnabled: true);
        await AddAsync(admin, team, me!.Id!);
        var reader = server.AppOnly(await server.RegisterClientAsync("own-groups-none-" + store, ("Microsoft Graph", "Application.Read.All")));

        var own = await self.Users[me.Id].GetMemberGroups.PostAsGetMemberGroupsPostResponseAsync(new GetMemberGroupsPostRequestBody { SecurityEnabledOnly = false }, cancellationToken: Ct);
        var others = await Assert.ThrowsAsync<ODataError>(() => self.Users["admin@contoso.onmicrosoft.com"].GetMemberGroups.PostAsGetMemberGroupsPostResponseAsync(
            new GetMemberGroupsPostRequestBody { SecurityEnabledOnly = false }, cancellationToken: Ct));
        var unpermitted = await Assert.ThrowsAsync<ODataError>(() => reader.DirectoryObjects[me.Id].CheckMemberGroups.PostAsCheckMemberGroupsPostResponseAsync(
            new CheckMemberGroupsPostRequestBody { GroupIds = [team] }, cancellationToken: Ct));

        Assert.Equal([team], own!.Value!);
        Assert.Equal((int)HttpStatusCode.Forbidden, others.ResponseStatusCode);
        Assert.Equal((int)HttpStatusCode.Forbidden, unpermitted.ResponseStatusCode);
        Assert.Equal("Authorization_RequestDenied", unpermitted.Error!.Code);
    }

    private static async Task<string> CreateGroupAsync(Microsoft.Graph.GraphServiceClient graph, string name, bool securityEnabled)
    {
        var group = await graph.Groups.PostAsync(new Group
        {
            DisplayName = name + " " + Guid.NewGuid().ToString("N")[..8], MailEnabled = !securityEnabled, MailNickname = name, SecurityEnabled = securityEnabled,
        }, cancellationToken: Ct);
        return group!.Id!;
    }

    private static Task AddAsync(Microsoft.Graph.GraphServiceClient graph, string groupId, string memberId) =>
        graph.Groups[groupId].Members.Ref.PostAsync(new ReferenceCreate { OdataId = $"https://graph.microsoft.com/v1.0/directoryObjects/{memberId}" }, cancellationToken: Ct);
}
