using System.Net;
using Gatehouse.Tests.Infrastructure;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;

namespace Gatehouse.Tests.Graph;

/// <summary>The Microsoft Graph SDK lists and reads users from Gatehouse with only its base URL changed.</summary>
[Collection(GraphServers.Name)]
public sealed class GraphUserListTests(GatehouseOnBothStores gatehouse)
{
    [Theory]
    [BothStores]
    public async Task PageIterator_follows_every_page_of_a_filtered_selected_list(string store)
    {
        var server = await gatehouse.OnAsync(store);
        var prefix = "Pager" + Guid.NewGuid().ToString("N")[..6];
        var created = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var user = await GatehouseCli.JsonAsync(server.Store, "user", "create", "--upn", $"{prefix}{i}@{TokenServiceFixture.TenantDomain}",
                "--password", "Pag3r!Passw0rd-x", "--display-name", $"{prefix} {i}");
            created.Add(user.GetProperty("id").GetString()!);
        }

        await GatehouseCli.JsonAsync(server.Store, "user", "create", "--upn", $"other{prefix}@{TokenServiceFixture.TenantDomain}", "--password", "Oth3r!Passw0rd-x", "--display-name", "Other " + prefix);
        var graph = server.AppOnly(await server.RegisterClientAsync("pager-" + store, ("Microsoft Graph", "User.Read.All")));

        var first = await graph.Users.GetAsync(request =>
        {
            request.QueryParameters.Filter = $"startswith(displayName,'{prefix.ToLowerInvariant()}')";
            request.QueryParameters.Select = ["id", "displayName"];
            request.QueryParameters.Top = 2;
        }, TestContext.Current.CancellationToken);
        var seen = new List<User>();
        var pages = 0;
        var iterator = PageIterator<User, UserCollectionResponse>.CreatePageIterator(graph, first!, user =>
        {
            seen.Add(user);
            return true;
        }, request =>
        {
            pages++;
            return request;
        });
        await iterator.IterateAsync(TestContext.Current.CancellationToken);

        Assert.Equal(2, pages);
        Assert.Equal(created.Order(), seen.Select(u => u.Id!).Order());
        Assert.All(seen, u => Assert.StartsWith(prefix + " ", u.DisplayName, StringComparison.Ordinal));
        Assert.All(seen, u => Assert.Null(u.UserPrincipalName));
    }

    [Theory]
    [BothStores]
    public async Task Pages_of_a_startswith_filter_return_every_match_once_in_display_name_order(string store)
    {
        var server = await gatehouse.OnAsync(store);
        var prefix = "Order" + Guid.NewGuid().ToString("N")[..6];
        string[] suffixes = ["b", "B", "a", "b", "C", "a", "b"];
        var created = new List<string>();
        for (var i = 0; i < suffixes.Length; i++)
        {
            var user = await GatehouseCli.JsonAsync(server.Store, "user", "create", "--upn", $"{prefix}{i}@{TokenServiceFixture.TenantDomain}",
                "--password", "Ord3r!Passw0rd-x", "--display-name", $"{prefix} {suffixes[i]}");
            created.Add(user.GetProperty("id").GetString()!);
        }

        var graph = server.AppOnly(await server.RegisterClientAsync("order-" + store, ("Microsoft Graph", "User.Read.All")));
        var page = await graph.Users.GetAsync(request =>
        {
            request.QueryParameters.Filter = $"startswith(displayName,'{prefix}')";
            request.QueryParameters.Select = ["id", "displayName"];
            request.QueryParameters.Top = 2;
        }, TestContext.Current.CancellationToken);
        var seen = new List<User>(page!.Value!);
        while (page!.OdataNextLink is { } next)
        {
            page = await graph.Users.WithUrl(next).GetAsync(cancellationToken: TestContext.Current.CancellationToken);
            seen.AddRange(page!.Value!);
        }

        Assert.Equal(created.Order(), seen.Select(u => u.Id!).Order());
        Assert.Equal(
            ["A", "A", "B", "B", "B", "B", "C"],
            seen.Select(u => u.DisplayName![(prefix.Length + 1)..].ToUpperInvariant()));
    }

    [Theory]
    [BothStores]
    public async Task A_user_is_found_by_id_and_by_user_principal_name(string store)
    {
        var server = await gatehouse.OnAsync(store);
        var upn = $"lookup-{Guid.NewGuid():N}"[..20] + "@" + TokenServiceFixture.TenantDomain;
        var id = (await GatehouseCli.JsonAsync(server.Store, "user", "create", "--upn", upn, "--password", "L00kup!Passw0rd", "--display-name", "Look Up")).GetProperty("id").GetString()!;
        var graph = server.AppOnly(await server.RegisterClientAsync("lookup-" + store, ("Microsoft Graph", "User.Read.All")));

        var byId = await graph.Users[id].GetAsync(cancellationToken: TestContext.Current.CancellationToken);
        var byUpn = await graph.Users[upn.ToUpperInvariant()].GetAsync(cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(upn, byId!.UserPrincipalName);
        Assert.Equal(id, byUpn!.Id);
        Assert.Equal("Look Up", byUpn.DisplayName);
        var missing = await Assert.ThrowsAsync<ODataError>(() => graph.Users[Guid.NewGuid().ToString()].GetAsync(cancellationToken: TestContext.Current.CancellationToken));
        Assert.Equal((int)HttpStatusCode.NotFound, missing.ResponseStatusCode);
        Assert.Equal("Request_ResourceNotFound", missing.Error!.Code);
    }

    [Fact]
    public async Task A_malformed_filter_is_400_BadRequest_with_the_request_ids()
    {
        var server = await gatehouse.OnAsync("sqlite");
        var graph = server.AppOnly(await server.RegisterClientAsync("malformed", ("Microsoft Graph", "User.Read.All")));

        var error = await Assert.ThrowsAsync<ODataError>(() => graph.Users.GetAsync(
            request => request.QueryParameters.Filter = "startswith(displayName,'A'", TestContext.Current.CancellationToken));

        Assert.Equal((int)HttpStatusCode.BadRequest, error.ResponseStatusCode);
        Assert.Equal("BadRequest", error.Error!.Code);
        Assert.StartsWith("Invalid filter clause", error.Error.Message, StringComparison.Ordinal);
        Assert.True(Guid.TryParse(error.Error.InnerError!.RequestId, out _));
        Assert.True(Guid.TryParse(error.Error.InnerError.ClientRequestId, out _));
    }

    [Fact]
    public async Task An_advanced_operator_needs_ConsistencyLevel_eventual_and_count()
    {
        var server = await gatehouse.OnAsync("sqlite");
        var graph = server.AppOnly(await server.RegisterClientAsync("advanced", ("Microsoft Graph", "User.Read.All")));

        var refused = await Assert.ThrowsAsync<ODataError>(() => graph.Users.GetAsync(
            request => request.QueryParameters.Filter = "endswith(userPrincipalName,'@contoso.onmicrosoft.com')", TestContext.Current.CancellationToken));
        var allowed = await graph.Users.GetAsync(request =>
        {
            request.QueryParameters.Filter = "endswith(userPrincipalName,'@contoso.onmicrosoft.com')";
            request.QueryParameters.Count = true;
            request.Headers.Add("ConsistencyLevel", "eventual");
        }, TestContext.Current.CancellationToken);

        Assert.Equal("Request_UnsupportedQuery", refused.Error!.Code);
        Assert.Contains(allowed!.Value!, u => u.UserPrincipalName == "admin@contoso.onmicrosoft.com");
        Assert.Equal(allowed.Value!.Count, allowed.OdataCount);
    }

    [Fact]
    public async Task Users_count_is_plain_text_and_needs_eventual_consistency()
    {
        var server = await gatehouse.OnAsync("sqlite");
        var graph = server.AppOnly(await server.RegisterClientAsync("counter", ("Microsoft Graph", "User.Read.All")));

        var count = await graph.Users.Count.GetAsync(request => request.Headers.Add("ConsistencyLevel", "eventual"), TestContext.Current.CancellationToken);
        var refused = await Assert.ThrowsAsync<ODataError>(() => graph.Users.Count.GetAsync(cancellationToken: TestContext.Current.CancellationToken));

        var listed = await graph.Users.GetAsync(request => request.QueryParameters.Top = 999, TestContext.Current.CancellationToken);
        Assert.Equal(listed!.Value!.Count, count);
        Assert.Equal("Request_BadRequest", refused.Error!.Code);
    }
}
