using System.Net;
using Gatehouse.Tests.Graph;
using Gatehouse.Tests.Infrastructure;
using Microsoft.Graph.Models;

namespace Gatehouse.Tests.Logs;

/// <summary>
/// Removals are audited as additions are: a group's member and owner, a role's member, and an app deleted
/// permanently from Deleted applications, each with who removed it.
/// </summary>
[Collection(GraphServers.Name)]
public sealed class DeletionAuditTests(GatehouseOnBothStores gatehouse)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [BothStores]
    public async Task Removing_a_group_member_an_owner_and_a_role_member_through_Graph_is_audited(string store)
    {
        var server = await gatehouse.OnAsync(store);
        var reader = await ActivityLogReader.CreateAsync(server, "removal-reader-" + store);
        var adminClient = await server.RegisterClientAsync(
            "removal-admin-" + store, ("Microsoft Graph", "Group.ReadWrite.All"), ("Microsoft Graph", "RoleManagement.ReadWrite.Directory"));
        var admin = server.AppOnly(adminClient);
        var (userId, _) = await DirectoryUsers.CreateAsync(server, "removed-" + store);
        var group = await admin.Groups.PostAsync(new Group { DisplayName = "removals-" + store, MailEnabled = false, MailNickname = "removals", SecurityEnabled = true }, cancellationToken: Ct);
        // A new body for each call: the SDK's backing store sends only what changed since an object was last sent.
        ReferenceCreate Reference() => new() { OdataId = $"https://graph.microsoft.com/v1.0/directoryObjects/{userId}" };
        var role = (await admin.DirectoryRoles.GetAsync(cancellationToken: Ct))!.Value!.Single(r => r.DisplayName == "User Administrator");

        await admin.Groups[group!.Id].Members.Ref.PostAsync(Reference(), cancellationToken: Ct);
        await admin.Groups[group.Id].Owners.Ref.PostAsync(Reference(), cancellationToken: Ct);
        await admin.DirectoryRoles[role.Id].Members.Ref.PostAsync(Reference(), cancellationToken: Ct);
        await admin.Groups[group.Id].Members[userId].Ref.DeleteAsync(cancellationToken: Ct);
        await admin.Groups[group.Id].Owners[userId].Ref.DeleteAsync(cancellationToken: Ct);
        await admin.DirectoryRoles[role.Id].Members[userId].Ref.DeleteAsync(cancellationToken: Ct);
        var groupEntries = await reader.WaitForAsync($"auditLogs/directoryAudits?$filter=targetResources/id eq '{group.Id}'", 5);
        var roleEntries = await reader.WaitForAsync($"auditLogs/directoryAudits?$filter=targetResources/id eq '{userId}' and category eq 'RoleManagement'", 2);

        foreach (var (entries, added, removed) in new[]
        {
            (groupEntries, "Add member to group", "Remove member from group"),
            (groupEntries, "Add owner to group", "Remove owner from group"),
            (roleEntries, "Add member to role", "Remove member from role"),
        })
        {
            Assert.Single(entries, e => e.GetProperty("activityDisplayName").GetString() == added);
            var removal = Assert.Single(entries, e => e.GetProperty("activityDisplayName").GetString() == removed);
            Assert.Equal("Delete", removal.GetProperty("operationType").GetString());
            Assert.Equal(adminClient.AppId, removal.GetProperty("initiatedBy").GetProperty("app").GetProperty("appId").GetString());
        }
    }

    [Theory]
    [BothStores]
    public async Task Deleting_an_app_permanently_is_audited_as_Hard_Delete_application_by_the_person_who_did_it(string store)
    {
        var server = await gatehouse.OnAsync(store);
        var reader = await ActivityLogReader.CreateAsync(server, "purge-reader-" + store);
        var name = $"purge-audited-{store}-{Guid.NewGuid():N}"[..32];
        var app = await GatehouseCli.JsonAsync(server.Store, "app", "create", "--name", name);
        var id = app.GetProperty("id").GetString()!;
        await GatehouseCli.JsonAsync(server.Store, "app", "delete", "--app", app.GetProperty("appId").GetString()!);
        using var admin = await DelegatedSignIn.CreateAsync(server, "purge-admin-" + store, consent: true, role: "Application Administrator");

        var (_, confirm) = await admin.OpenPageAsync($"/deletedapps?purge={id}");
        var purged = await admin.SubmitAsync("/deletedapps?handler=Purge", confirm, new Dictionary<string, string> { ["id"] = id });
        var entries = await reader.WaitForAsync($"auditLogs/directoryAudits?$filter=targetResources/id eq '{id}'", 3);

        Assert.Equal(HttpStatusCode.Redirect, purged.StatusCode);
        var hardDelete = Assert.Single(entries, e => e.GetProperty("activityDisplayName").GetString() == "Hard Delete application");
        Assert.Equal(("ApplicationManagement", "Delete"), (hardDelete.GetProperty("category").GetString(), hardDelete.GetProperty("operationType").GetString()));
        Assert.Equal(name, Assert.Single(hardDelete.GetProperty("targetResources").EnumerateArray()).GetProperty("displayName").GetString());
        Assert.Equal(admin.Upn, hardDelete.GetProperty("initiatedBy").GetProperty("user").GetProperty("userPrincipalName").GetString());
        Assert.Single(entries, e => e.GetProperty("activityDisplayName").GetString() == "Delete application");
    }
}
