using System.Net;
using Gatehouse.Tests.Infrastructure;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;

namespace Gatehouse.Tests.Graph;

/// <summary>notes on applications and service principals: a string of at most 1024 characters, stored and returned.</summary>
[Collection(GraphServers.Name)]
public sealed class GraphNotesTests(GatehouseOnBothStores gatehouse)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [BothStores]
    public async Task Notes_are_kept_on_an_application_and_its_service_principal_and_overlong_ones_refused(string store)
    {
        var server = await gatehouse.OnAsync(store);
        var graph = server.AppOnly(await server.RegisterClientAsync("notes-" + store, ("Microsoft Graph", "Application.ReadWrite.All")));
        var app = await graph.Applications.PostAsync(new Application { DisplayName = "Noted " + store }, cancellationToken: Ct);
        var principal = await graph.ServicePrincipals.PostAsync(new ServicePrincipal { AppId = app!.AppId }, cancellationToken: Ct);

        await graph.Applications[app.Id].PatchAsync(new Application { Notes = "hello" }, cancellationToken: Ct);
        await graph.ServicePrincipals[principal!.Id].PatchAsync(new ServicePrincipal { Notes = "hi" }, cancellationToken: Ct);
        var readApp = await graph.Applications[app.Id].GetAsync(cancellationToken: Ct);
        var readPrincipal = await graph.ServicePrincipals[principal.Id].GetAsync(cancellationToken: Ct);
        var overlong = await Assert.ThrowsAsync<ODataError>(() =>
            graph.ServicePrincipals[principal.Id].PatchAsync(new ServicePrincipal { Notes = new string('n', 1025) }, cancellationToken: Ct));
        var overlongApp = await Assert.ThrowsAsync<ODataError>(() =>
            graph.Applications[app.Id].PatchAsync(new Application { Notes = new string('n', 1025) }, cancellationToken: Ct));

        Assert.Equal("hello", readApp!.Notes);
        Assert.Equal("hi", readPrincipal!.Notes);
        Assert.Equal((int)HttpStatusCode.BadRequest, overlong.ResponseStatusCode);
        Assert.Equal((int)HttpStatusCode.BadRequest, overlongApp.ResponseStatusCode);
    }
}
