using System.Net;
using Gatehouse.Tests.Infrastructure;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;

namespace Gatehouse.Tests.Graph;

/// <summary>Managers set by $ref, and $expand of manager, directReports and group members through the Graph SDK.</summary>
[Collection(GraphServers.Name)]
public sealed class GraphExpandTests(GatehouseOnBothStores gatehouse)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [BothStores]
    public async Task A_manager_set_by_ref_is_expanded_on_the_report_and_the_reports_on_the_manager(string store)
    {
        var server = await gatehouse.OnAsync(store);
        var graph = server.AppOnly(await server.RegisterClientAsync("expand-" + store, ("Microsoft Graph", "User.ReadWrite.All")));
        var prefix = "Org" + Guid.NewGuid().ToString("N")[..6];
        var (bossId, _) = await DirectoryUsers.CreateAsync(server, prefix + "boss");
        var (firstId, _) = await DirectoryUsers.CreateAsync(server, prefix + "first");
        var (secondId, _) = await DirectoryUsers.CreateAsync(server, prefix + "second");
        foreach (var report in new[] { firstId, secondId })
        {
            await graph.Users[report].Manager.Ref.PutAsync(new ReferenceUpdate { OdataId = $"https://graph.microsoft.com/v1.0/users/{bossId}" }, cancellationToken: Ct);
        }

        var first = await graph.Users[firstId].GetAsync(r => r.QueryParameters.Expand = ["manager"], Ct);
        var manager = await graph.Users[secondId].Manager.GetAsync(cancellationToken: Ct);
        var boss = await graph.Users[bossId].GetAsync(r => r.QueryParameters.Expand = ["directReports"], Ct);
        var listed = await graph.Users.GetAsync(r =>
        {
            r.QueryParameters.Filter = $"startswith(displayName,'{prefix}')";
            r.QueryParameters.Expand = ["manager($select=id,displayName)"];
        }, Ct);
        await graph.Users[firstId].Manager.Ref.DeleteAsync(cancellationToken: Ct);
        var cleared = await graph.Users[firstId].GetAsync(r => r.QueryParameters.Expand = ["manager"], Ct);
        var unknown = await Assert.ThrowsAsync<ODataError>(() => graph.Users[firstId].GetAsync(r => r.QueryParameters.Expand = ["colleagues"], Ct));

        Assert.Equal(bossId, Assert.IsType<User>(first!.Manager).Id);
        Assert.Equal(bossId, manager!.Id);
        Assert.Equal(new[] { firstId, secondId }.Order(), boss!.DirectReports!.Select(r => r.Id).Order());
        Assert.Equal([null, bossId, bossId], listed!.Value!.Select(u => u.Manager?.Id).Order());
        Assert.Equal(prefix + "boss", listed.Value!.First(u => u.Id == firstId).Manager is User m ? m.DisplayName : null);
        Assert.Null(cleared!.Manager);
        Assert.Equal((int)HttpStatusCode.BadRequest, unknown.ResponseStatusCode);
    }

    [Theory]
    [BothStores]
    public async Task Group_members_and_owners_are_expanded_on_a_list_and_on_one_group(string store)
    {
        var server = await gatehouse.OnAsync(store);
        var graph = server.AppOnly(await server.RegisterClientAsync("expand-groups-" + store, ("Microsoft Graph", "Group.ReadWrite.All")));
        var name = "Expanded " + Guid.NewGuid().ToString("N")[..8];
        var (aliceId, _) = await DirectoryUsers.CreateAsync(server, "alice");
        var (bobId, _) = await DirectoryUsers.CreateAsync(server, "bob");
        var group = await graph.Groups.PostAsync(new Group
        {
            DisplayName = name, MailEnabled = false, MailNickname = "expanded", SecurityEnabled = true,
            AdditionalData = new Dictionary<string, object>
            {
                ["members@odata.bind"] = new[] { $"https://graph.microsoft.com/v1.0/directoryObjects/{aliceId}", $"https://graph.microsoft.com/v1.0/directoryObjects/{bobId}" },
                ["owners@odata.bind"] = new[] { $"https://graph.microsoft.com/v1.0/users/{aliceId}" },
            },
        }, cancellationToken: Ct);

        var one = await graph.Groups[group!.Id].GetAsync(r => r.QueryParameters.Expand = ["members"], Ct);
        var listed = await graph.Groups.GetAsync(r =>
        {
            r.QueryParameters.Filter = $"startswith(displayName,'{name}')";
            r.QueryParameters.Expand = ["owners"];
        }, Ct);

        Assert.Equal(new[] { aliceId, bobId }.Order(), one!.Members!.OfType<User>().Select(u => u.Id).Order());
        Assert.Equal(aliceId, Assert.IsType<User>(Assert.Single(Assert.Single(listed!.Value!).Owners!)).Id);
    }
}
