using Gatehouse.Tests.Infrastructure;
using Microsoft.Graph;
using Microsoft.Graph.Models;

namespace Gatehouse.Tests.Graph;

/// <summary>
/// A list in its default order pages by the last key sent: users created or deleted while a client walks the pages
/// neither repeat a user nor hide one that existed throughout.
/// </summary>
[Collection(GraphServers.Name)]
public sealed class GraphKeysetPagingTests(GatehouseOnBothStores gatehouse)
{
    private const int PageSize = 4;

    [Theory]
    [BothStores]
    public async Task Walking_every_page_while_users_come_and_go_sees_each_standing_user_exactly_once(string store)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var server = await gatehouse.OnAsync(store);
        var graph = server.AppOnly(await server.RegisterClientAsync("keyset-" + store, ("Microsoft Graph", "User.ReadWrite.All")));
        var prefix = "Keyset" + Guid.NewGuid().ToString("N")[..6];
        var standing = new List<string>();
        for (var i = 0; i < 4 * PageSize; i++)
        {
            standing.Add(await CreateAsync(graph, $"{prefix}{i}", cancellationToken));
        }

        var doomed = new List<string>();
        for (var i = 0; i < 8; i++)
        {
            doomed.Add(await CreateAsync(graph, $"{prefix}d{i}", cancellationToken));
        }

        var seen = new List<string>();
        var page = await graph.Users.GetAsync(r =>
        {
            r.QueryParameters.Select = ["id", "displayName"];
            r.QueryParameters.Top = PageSize;
        }, cancellationToken);
        var pages = 1;
        seen.AddRange(page!.Value!.Select(u => u.Id!));
        while (page!.OdataNextLink is { } next)
        {
            // Between pages: remove a user already seen if there is one (an offset would then skip a row), else
            // any, and add one (an offset would then repeat a row when it sorts before the page).
            var gone = doomed.FirstOrDefault(seen.Contains) ?? doomed.FirstOrDefault();
            if (gone is not null)
            {
                await graph.Users[gone].DeleteAsync(cancellationToken: cancellationToken);
                doomed.Remove(gone);
            }

            await CreateAsync(graph, $"{prefix}n{pages}", cancellationToken);
            page = await graph.Users.WithUrl(next).GetAsync(cancellationToken: cancellationToken);
            seen.AddRange(page!.Value!.Select(u => u.Id!));
            pages++;
        }

        Assert.True(pages > 6, $"only {pages} pages");
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.All(standing, id => Assert.Contains(id, seen));
    }

    [Theory]
    [BothStores]
    public async Task A_forged_skiptoken_is_400_BadRequest(string store)
    {
        var server = await gatehouse.OnAsync(store);
        var token = await server.AppTokenAsync(await server.RegisterClientAsync("forged-" + store, ("Microsoft Graph", "User.Read.All")));
        foreach (var skipToken in new[] { "Z2gyLm5vdC1hLWd1aWQ", "Z2gyLg", "Z2gzLjEy", "not base64!" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"v1.0/users?$top=2&$skiptoken={Uri.EscapeDataString(skipToken)}");
            request.Headers.Authorization = new("Bearer", token);
            using var response = await server.Http.SendAsync(request, TestContext.Current.CancellationToken);
            Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        }
    }

    private static async Task<string> CreateAsync(GraphServiceClient graph, string name, CancellationToken cancellationToken) =>
        (await graph.Users.PostAsync(new User
        {
            AccountEnabled = true,
            DisplayName = name,
            MailNickname = name,
            UserPrincipalName = $"{name}@{TokenServiceFixture.TenantDomain}",
            PasswordProfile = new PasswordProfile { Password = "K3yset!Passw0rd-x" },
        }, cancellationToken: cancellationToken))!.Id!;
}
