using System.Net;
using Gatehouse.Tests.Infrastructure;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;

namespace Gatehouse.Tests.Graph;

/// <summary>DELETE /users/{id}: the user is gone for Graph, and leaves the groups it was in or owned.</summary>
[Collection(GraphServers.Name)]
public sealed class GraphUserDeletionTests(GatehouseOnBothStores gatehouse)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [BothStores]
    public async Task A_deleted_user_is_404_and_no_longer_a_member_or_owner(string store)
    {
        var server = await gatehouse.OnAsync(store);
        var graph = server.AppOnly(await server.RegisterClientAsync(
            "deleter-" + store, ("Microsoft Graph", "User.ReadWrite.All"), ("Microsoft Graph", "Group.ReadWrite.All")));
        var (leaverId, leaverUpn) = await DirectoryUsers.CreateAsync(server, "leaver");
        var (stayerId, _) = await DirectoryUsers.CreateAsync(server, "stayer");
        var group = await graph.Groups.PostAsync(new Group { DisplayName = "Leavers " + store, MailEnabled = false, MailNickname = "leavers", SecurityEnabled = true }, cancellationToken: Ct);
        foreach (var member in new[] { leaverId, stayerId })
        {
            await graph.Groups[group!.Id].Members.Ref.PostAsync(new ReferenceCreate { OdataId = $"https://graph.microsoft.com/v1.0/directoryObjects/{member}" }, cancellationToken: Ct);
        }

        await graph.Groups[group!.Id].Owners.Ref.PostAsync(new ReferenceCreate { OdataId = $"https://graph.microsoft.com/v1.0/directoryObjects/{leaverId}" }, cancellationToken: Ct);

        await graph.Users[leaverUpn].DeleteAsync(cancellationToken: Ct);
        var gone = await Assert.ThrowsAsync<ODataError>(() => graph.Users[leaverId].GetAsync(cancellationToken: Ct));
        var again = await Assert.ThrowsAsync<ODataError>(() => graph.Users[leaverId].DeleteAsync(cancellationToken: Ct));
        var members = await graph.Groups[group.Id].Members.GetAsync(cancellationToken: Ct);
        var owners = await graph.Groups[group.Id].Owners.GetAsync(cancellationToken: Ct);

        Assert.Equal((int)HttpStatusCode.NotFound, gone.ResponseStatusCode);
        Assert.Equal("Request_ResourceNotFound", gone.Error!.Code);
        Assert.Equal((int)HttpStatusCode.NotFound, again.ResponseStatusCode);
        Assert.Equal(stayerId, Assert.Single(members!.Value!).Id);
        Assert.Empty(owners!.Value!);
    }

    [Fact]
    public async Task A_reader_cannot_delete_a_user()
    {
        var server = await gatehouse.OnAsync("sqlite");
        var reader = server.AppOnly(await server.RegisterClientAsync("delete-reader", ("Microsoft Graph", "User.Read.All")));
        var (userId, _) = await DirectoryUsers.CreateAsync(server, "kept");

        var refused = await Assert.ThrowsAsync<ODataError>(() => reader.Users[userId].DeleteAsync(cancellationToken: Ct));
        var still = await reader.Users[userId].GetAsync(cancellationToken: Ct);

        Assert.Equal((int)HttpStatusCode.Forbidden, refused.ResponseStatusCode);
        Assert.Equal(userId, still!.Id);
    }
}
