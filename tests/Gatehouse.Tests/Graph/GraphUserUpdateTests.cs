using System.Net;
using Gatehouse.Tests.Infrastructure;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;

namespace Gatehouse.Tests.Graph;

/// <summary>PATCH /users/{id} through the SDK changes only what it sends (204); a reader cannot.</summary>
[Collection(GraphServers.Name)]
public sealed class GraphUserUpdateTests(GatehouseOnBothStores gatehouse)
{
    [Theory]
    [BothStores]
    public async Task A_patch_sets_and_clears_only_the_properties_sent(string store)
    {
        var server = await gatehouse.OnAsync(store);
        var graph = server.AppOnly(await server.RegisterClientAsync("updater-" + store, ("Microsoft Graph", "User.ReadWrite.All")));
        var upn = $"patch-{Guid.NewGuid():N}"[..18] + "@" + TokenServiceFixture.TenantDomain;
        var created = await graph.Users.PostAsync(new User
        {
            DisplayName = "Before",
            UserPrincipalName = upn,
            GivenName = "Pat",
            PasswordProfile = new PasswordProfile { Password = "P4tch!Passw0rd-x" },
        }, cancellationToken: TestContext.Current.CancellationToken);

        await graph.Users[created!.Id].PatchAsync(new User { JobTitle = "Engineer", DisplayName = "After" }, cancellationToken: TestContext.Current.CancellationToken);
        var cleared = new User();
        cleared.GivenName = null;
        await graph.Users[upn].PatchAsync(cleared, cancellationToken: TestContext.Current.CancellationToken);
        var read = await graph.Users[created.Id].GetAsync(
            r => r.QueryParameters.Select = ["displayName", "jobTitle", "givenName", "userPrincipalName"], TestContext.Current.CancellationToken);

        Assert.Equal("After", read!.DisplayName);
        Assert.Equal("Engineer", read.JobTitle);
        Assert.Null(read.GivenName);
        Assert.Equal(upn, read.UserPrincipalName);
    }

    [Fact]
    public async Task A_reader_cannot_patch_and_an_unknown_user_is_404()
    {
        var server = await gatehouse.OnAsync("sqlite");
        var reader = server.AppOnly(await server.RegisterClientAsync("patch-reader", ("Microsoft Graph", "User.Read.All")));
        var writer = server.AppOnly(await server.RegisterClientAsync("patch-writer", ("Microsoft Graph", "User.ReadWrite.All")));

        var denied = await Assert.ThrowsAsync<ODataError>(() => reader.Users["admin@contoso.onmicrosoft.com"].PatchAsync(new User { JobTitle = "x" }, cancellationToken: TestContext.Current.CancellationToken));
        var missing = await Assert.ThrowsAsync<ODataError>(() => writer.Users[Guid.NewGuid().ToString()].PatchAsync(new User { JobTitle = "x" }, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal((int)HttpStatusCode.Forbidden, denied.ResponseStatusCode);
        Assert.Equal((int)HttpStatusCode.NotFound, missing.ResponseStatusCode);
        Assert.Equal("Request_ResourceNotFound", missing.Error!.Code);
    }
}
