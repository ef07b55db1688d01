using Gatehouse.Tests.Graph;
using Gatehouse.Tests.Infrastructure;
using Microsoft.Graph.Applications.Item.AddPassword;
using Microsoft.Graph.Models;

namespace Gatehouse.Tests.Logs;

/// <summary>/v1.0/auditLogs/directoryAudits: a change through any surface, with who made it and never a secret's value.</summary>
[Collection(GraphServers.Name)]
public sealed class DirectoryAuditTests(GatehouseOnBothStores gatehouse)
{
    [Theory]
    [BothStores]
    public async Task A_secret_added_through_Graph_is_audited_with_the_app_that_added_it_and_without_its_value(string store)
    {
        var server = await gatehouse.OnAsync(store);
        var reader = await ActivityLogReader.CreateAsync(server, "audit-reader-" + store);
        var adminClient = await server.RegisterClientAsync("audit-admin-" + store, ("Microsoft Graph", "Application.ReadWrite.All"));
        var admin = server.AppOnly(adminClient);
        var targetAppId = await GatehouseCli.CreateAppAsync(server.Store, "audit-target-" + store);
        var application = await admin.ApplicationsWithAppId(targetAppId).GetAsync(cancellationToken: TestContext.Current.CancellationToken);

        var added = await admin.Applications[application!.Id].AddPassword.PostAsync(
            new AddPasswordPostRequestBody { PasswordCredential = new PasswordCredential { DisplayName = "audited" } },
            cancellationToken: TestContext.Current.CancellationToken);
        var entries = await reader.WaitForAsync($"auditLogs/directoryAudits?$filter=targetResources/id eq '{application.Id}'", 2);

        var byGraph = Assert.Single(entries, e => e.GetProperty("activityDisplayName").GetString() == "Update application – Certificates and secrets management");
        var app = byGraph.GetProperty("initiatedBy").GetProperty("app");
        Assert.Equal(adminClient.AppId, app.GetProperty("appId").GetString());
        Assert.Equal("audit-admin-" + store, app.GetProperty("displayName").GetString());
        Assert.Equal("ApplicationManagement", byGraph.GetProperty("category").GetString());
        var target = Assert.Single(byGraph.GetProperty("targetResources").EnumerateArray());
        Assert.Equal("audit-target-" + store, target.GetProperty("displayName").GetString());
        Assert.Contains(added!.KeyId.ToString()!, target.GetProperty("modifiedProperties").GetRawText(), StringComparison.Ordinal);
        var byCli = Assert.Single(entries, e => e.GetProperty("activityDisplayName").GetString() == "Add application");
        Assert.Equal("gatehouse CLI", byCli.GetProperty("additionalDetails")[0].GetProperty("value").GetString());
        Assert.DoesNotContain(added.SecretText!, string.Concat(entries.Select(e => e.GetRawText())), StringComparison.Ordinal);
    }
}
