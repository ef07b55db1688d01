using System.Net;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Identity;
using Gatehouse.Tests.Infrastructure;
using Microsoft.Graph.Models.ODataErrors;

namespace Gatehouse.Tests.ManagedIdentities;

/// <summary>
/// Azure.Identity's ManagedIdentityCredential and DefaultAzureCredential, unchanged, against Gatehouse's App Service
/// identity endpoint: only IDENTITY_ENDPOINT and IDENTITY_HEADER tell them where it is.
/// </summary>
[Collection(ManagedIdentityEnvironment.Name)]
public sealed class ManagedIdentityCredentialTests(GatehouseOnBothStores servers)
{
    private static readonly TokenRequestContext Graph = new(["https://graph.microsoft.com/.default"]);

    [Theory]
    [BothStores]
    public async Task ManagedIdentityCredential_gets_a_Graph_token_for_the_system_assigned_identity(string store)
    {
        var gatehouse = await servers.OnAsync(store);
        var identity = await gatehouse.CreateIdentityAsync("web", graphPermissions: "User.Read.All");
        using var environment = new AppServiceEnvironment(gatehouse, identity.IdentityHeader!);
        var credential = Credential(gatehouse, ManagedIdentityId.SystemAssigned);

        var token = await credential.GetTokenAsync(Graph, TestContext.Current.CancellationToken);

        var claims = Jwt.Payload(token.Token);
        Assert.Equal(identity.ClientId, claims.GetProperty("appid").GetString());
        Assert.Equal(identity.PrincipalId, claims.GetProperty("oid").GetString());
        Assert.Equal("https://graph.microsoft.com", claims.GetProperty("aud").GetString());
        Assert.Equal(["User.Read.All"], claims.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.True(token.ExpiresOn > TimeProvider.System.GetUtcNow().AddMinutes(55));
    }

    [Theory]
    [BothStores]
    public async Task DefaultAzureCredential_picks_the_managed_identity_and_reads_users_on_Graph_with_the_role_granted(string store)
    {
        var gatehouse = await servers.OnAsync(store);
        var granted = await gatehouse.CreateIdentityAsync("reader", graphPermissions: "User.Read.All");
        using (new AppServiceEnvironment(gatehouse, granted.IdentityHeader!))
        {
            var graph = gatehouse.Graph(new DefaultAzureCredential(new DefaultAzureCredentialOptions { Transport = new HttpClientTransport(gatehouse.TrustingHandler()) }));

            var users = await graph.Users.GetAsync(cancellationToken: TestContext.Current.CancellationToken);

            Assert.NotNull(users?.Value);
        }

        var ungranted = await gatehouse.CreateIdentityAsync("nobody");
        using (new AppServiceEnvironment(gatehouse, ungranted.IdentityHeader!))
        {
            var graph = gatehouse.Graph(new DefaultAzureCredential(new DefaultAzureCredentialOptions { Transport = new HttpClientTransport(gatehouse.TrustingHandler()) }));

            var refused = await Assert.ThrowsAsync<ODataError>(() => graph.Users.GetAsync(cancellationToken: TestContext.Current.CancellationToken));

            Assert.Equal((int)HttpStatusCode.Forbidden, refused.ResponseStatusCode);
        }
    }

    [Theory]
    [BothStores]
    public async Task A_user_assigned_identity_is_chosen_by_its_client_id(string store)
    {
        var gatehouse = await servers.OnAsync(store);
        var host = await gatehouse.CreateIdentityAsync("host");
        var userAssigned = await gatehouse.CreateIdentityAsync("shared", userAssigned: true, graphPermissions: "Group.Read.All");
        using var environment = new AppServiceEnvironment(gatehouse, host.IdentityHeader!);
        var credential = Credential(gatehouse, ManagedIdentityId.FromUserAssignedClientId(userAssigned.ClientId));

        var token = await credential.GetTokenAsync(Graph, TestContext.Current.CancellationToken);

        var claims = Jwt.Payload(token.Token);
        Assert.Equal(userAssigned.ClientId, claims.GetProperty("appid").GetString());
        Assert.Equal(userAssigned.PrincipalId, claims.GetProperty("oid").GetString());
        Assert.Equal(["Group.Read.All"], claims.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Theory]
    [BothStores]
    public async Task A_wrong_identity_header_gets_no_token(string store)
    {
        var gatehouse = await servers.OnAsync(store);
        var identity = await gatehouse.CreateIdentityAsync("guarded", graphPermissions: "User.Read.All");
        var wrong = identity.IdentityHeader![..^1] + (identity.IdentityHeader[^1] == 'a' ? 'b' : 'a');
        using var environment = new AppServiceEnvironment(gatehouse, wrong);
        var credential = Credential(gatehouse, ManagedIdentityId.FromUserAssignedClientId(identity.ClientId));

        await Assert.ThrowsAsync<AuthenticationFailedException>(async () => await credential.GetTokenAsync(Graph, TestContext.Current.CancellationToken));

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/msi/token?api-version=2019-08-01&resource=https://graph.microsoft.com&client_id={identity.ClientId}");
        request.Headers.Add("X-IDENTITY-HEADER", wrong);
        using var response = await gatehouse.Http.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain("access_token", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    private static ManagedIdentityCredential Credential(TokenServiceFixture gatehouse, ManagedIdentityId id) =>
        new(new ManagedIdentityCredentialOptions(id) { Transport = new HttpClientTransport(gatehouse.TrustingHandler()) });
}
