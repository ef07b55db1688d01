using System.Text.Json.Nodes;
using Gatehouse.Tests.Infrastructure;
using Microsoft.Graph.Models;

namespace Gatehouse.Tests.Graph;

/// <summary>
/// A list reads only the columns its page writes; each item must still be the user a GET by id returns, property for
/// property, by default and under $select.
/// </summary>
[Collection(GraphServers.Name)]
public sealed class GraphUserListShapeTests(GatehouseOnBothStores gatehouse)
{
    [Theory]
    [StoreRow("sqlite", null)]
    [StoreRow("postgres", null)]
    [StoreRow("sqlite", "id,displayName,businessPhones,department,accountEnabled,createdDateTime")]
    [StoreRow("postgres", "userPrincipalName,mobilePhone,jobTitle,officeLocation,companyName,mail")]
    public async Task Each_listed_user_is_the_user_a_get_by_id_returns(string store, string? select)
    {
        var server = await gatehouse.OnAsync(store);
        var client = await server.RegisterClientAsync($"shape-{store}-{select?.Length ?? 0}", ("Microsoft Graph", "User.ReadWrite.All"));
        var graph = server.AppOnly(client);
        var prefix = $"shape{Guid.NewGuid():N}"[..14];
        foreach (var n in new[] { 1, 2 })
        {
            var created = await graph.Users.PostAsync(new User
            {
                DisplayName = $"{prefix} Person {n}",
                UserPrincipalName = $"{prefix}-{n}@{TokenServiceFixture.TenantDomain}",
                GivenName = "Given" + n,
                Surname = "Surname" + n,
                Mail = $"{prefix}-{n}@example.com",
                PasswordProfile = new PasswordProfile { Password = "Sh4pe!Passw0rd-x" },
            }, cancellationToken: TestContext.Current.CancellationToken);
            await graph.Users[created!.Id].PatchAsync(new User
            {
                AccountEnabled = n == 1,
                JobTitle = "Engineer " + n,
                Department = "Research",
                MobilePhone = "+1 425 555 010" + n,
                OfficeLocation = "Building " + n,
                CompanyName = "Contoso",
            }, cancellationToken: TestContext.Current.CancellationToken);
        }

        using var http = server.RawGraph(await server.AppTokenAsync(client));
        var query = select is null ? "" : "&$select=" + select;
        var list = await GetJsonAsync(http, $"users?$filter=startswith(displayName,'{prefix}'){query}");
        var items = list["value"]!.AsArray();

        Assert.Equal(2, items.Count);
        foreach (var item in items)
        {
            var id = item!["id"]?.GetValue<string>() ?? await IdOfAsync(http, item);
            var single = await GetJsonAsync(http, $"users/{id}{(select is null ? "" : "?$select=" + select)}");
            single.Remove("@odata.context");
            Assert.True(JsonNode.DeepEquals(single, item), $"listed {item.ToJsonString()} but got {single.ToJsonString()}");
            Assert.Equal(select?.Split(',').Length ?? 11, item.AsObject().Count);
        }
    }

    private static async Task<string> IdOfAsync(HttpClient http, JsonNode? item)
    {
        var upn = item!["userPrincipalName"]!.GetValue<string>();
        return (await GetJsonAsync(http, $"users/{upn}?$select=id"))["id"]!.GetValue<string>();
    }

    private static async Task<JsonObject> GetJsonAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!.AsObject();
    }
}
