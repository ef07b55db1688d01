using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gatehouse.Tests.Infrastructure;
using static Gatehouse.Tests.MicrosoftHosts.UnderMicrosoftHostUrls;

namespace Gatehouse.Tests.MicrosoftHosts;

/// <summary>
/// Graph under graph.microsoft.com names itself there in its links and Microsoft's login host in its challenge
/// (docs/protocol/microsoft-hosts.md §3.4), and accepts tokens issued under either Gatehouse's URL or Microsoft's.
/// </summary>
public sealed class GraphUrlsTests(TokenServiceFixture gatehouse) : IClassFixture<TokenServiceFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(Login, GraphHost)]
    [InlineData(Login, null)]
    [InlineData(null, GraphHost)]
    public async Task A_token_asked_under_one_host_is_accepted_by_Graph_under_the_other(string? tokenHost, string? graphHost)
    {
        var client = await gatehouse.RegisterClientAsync($"urls-accept-{tokenHost}-{graphHost}", ("Microsoft Graph", "Application.ReadWrite.All"));
        var token = await GraphTokenAsync(gatehouse, client, tokenHost);

        using var response = await SendAsync(gatehouse, HttpMethod.Get, graphHost, "/v1.0/applications", token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Under_graph_microsoft_com_the_context_and_next_link_name_Graph_and_the_next_link_works()
    {
        var client = await gatehouse.RegisterClientAsync("urls-paging", ("Microsoft Graph", "Application.ReadWrite.All"));
        await gatehouse.RegisterClientAsync("urls-paging-second");
        var token = await GraphTokenAsync(gatehouse, client, Login);

        var first = await GetJsonAsync(gatehouse, GraphHost, "/v1.0/applications?$top=1", token);
        var nextLink = first.GetProperty("@odata.nextLink").GetString()!;
        var (host, pathAndQuery) = Follow(nextLink);
        var second = await GetJsonAsync(gatehouse, host, pathAndQuery, token);

        Assert.StartsWith("https://graph.microsoft.com/v1.0/$metadata#applications", first.GetProperty("@odata.context").GetString());
        Assert.StartsWith("https://graph.microsoft.com/v1.0/applications?", nextLink);
        Assert.Single(first.GetProperty("value").EnumerateArray());
        Assert.Single(second.GetProperty("value").EnumerateArray());
        Assert.NotEqual(first.GetProperty("value")[0].GetProperty("id").GetString(), second.GetProperty("value")[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task Under_Gatehouses_own_URL_the_context_names_that_URL()
    {
        var client = await gatehouse.RegisterClientAsync("urls-own-context", ("Microsoft Graph", "Application.ReadWrite.All"));
        var token = await GraphTokenAsync(gatehouse, client, Login);

        var page = await GetJsonAsync(gatehouse, null, "/v1.0/applications?$top=1", token);

        Assert.StartsWith($"{gatehouse.BaseUrl}/v1.0/$metadata#applications", page.GetProperty("@odata.context").GetString());
    }

    [Fact]
    public async Task An_application_created_under_graph_microsoft_com_is_described_there()
    {
        var client = await gatehouse.RegisterClientAsync("urls-create", ("Microsoft Graph", "Application.ReadWrite.All"));
        var token = await GraphTokenAsync(gatehouse, client, null);

        using var created = await SendAsync(gatehouse, HttpMethod.Post, GraphHost, "/v1.0/applications", token, JsonContent.Create(new { displayName = "Described" }));
        var body = await created.Content.ReadFromJsonAsync<JsonElement>(Cancel);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("https://graph.microsoft.com/v1.0/$metadata#applications/$entity", body.GetProperty("@odata.context").GetString());
    }

    [Fact]
    public async Task Without_a_token_Graph_under_graph_microsoft_com_challenges_with_Microsofts_authority()
    {
        using var refused = await SendAsync(gatehouse, HttpMethod.Get, GraphHost, "/v1.0/applications");

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("authorization_uri=\"https://login.microsoftonline.com/common/oauth2/authorize\"", refused.Headers.WwwAuthenticate.ToString());
    }
}
