using System.Net;
using Gatehouse.Tests.Infrastructure;

namespace Gatehouse.Tests.Identity;

/// <summary>
/// The Azure CLI's own client application (docs/protocol/azure-cli.md §4) over raw HTTP, as `az login` runs it: the
/// authorization code with PKCE on http://localhost at any port, no consent page, refresh tokens for the resources az
/// asks for next; and a public client that no secret authenticates.
/// </summary>
public sealed class AzureCliClientTests(TokenServiceFixture gatehouse) : IClassFixture<TokenServiceFixture>
{
    private const string AzureCliAppId = "04b07795-8ddb-461a-bbee-02f9e1bf7b46";
    private const string Management = "https://management.core.windows.net//.default";

    [Fact]
    public async Task Interactive_az_login_gets_a_code_on_any_localhost_port_without_consent_and_refreshes_to_Graph()
    {
        using var flow = await DelegatedSignIn.ForFirstPartyClientAsync(gatehouse, AzureCliAppId, "http://localhost:51234");
        var (verifier, challenge) = DelegatedSignIn.NewPkce();

        var authorized = await flow.AuthorizeAsync(flow.AuthorizeUrl(challenge, scope: $"{Management} openid profile offline_access"));
        Assert.Equal(HttpStatusCode.Redirect, authorized.StatusCode);
        Assert.StartsWith("http://localhost:51234?", authorized.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var code = DelegatedSignIn.Query(authorized.Headers.Location)["code"];
        var tokens = await AuthorizationCodeGrantTests.ReadAsync(await gatehouse.PostTokenAsync(TokenServiceFixture.TenantId, new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["client_id"] = AzureCliAppId, ["code"] = code, ["redirect_uri"] = flow.Redirect,
            ["code_verifier"] = verifier, ["scope"] = $"{Management} openid profile offline_access",
        }));
        var graph = await AuthorizationCodeGrantTests.ReadAsync(await gatehouse.PostTokenAsync(TokenServiceFixture.TenantId, new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token", ["client_id"] = AzureCliAppId, ["refresh_token"] = tokens.GetProperty("refresh_token").GetString()!,
            ["scope"] = "https://graph.microsoft.com//.default offline_access openid profile",
        }));

        var management = Jwt.Payload(tokens.GetProperty("access_token").GetString()!);
        Assert.Equal("user_impersonation", management.GetProperty("scp").GetString());
        Assert.Equal(flow.Upn, management.GetProperty("upn").GetString());
        var scopes = Jwt.Payload(graph.GetProperty("access_token").GetString()!).GetProperty("scp").GetString()!.Split(' ');
        Assert.Contains("Directory.AccessAsUser.All", scopes);
        Assert.Contains("Application.ReadWrite.All", scopes);
    }

    [Fact]
    public async Task A_redirect_uri_other_than_localhost_is_refused()
    {
        using var flow = await DelegatedSignIn.ForFirstPartyClientAsync(gatehouse, AzureCliAppId, "http://localhost.example:51234");

        var answer = await flow.GetAsync(flow.AuthorizeUrl(DelegatedSignIn.NewPkce().Challenge, scope: Management));

        Assert.Contains("AADSTS50011", await answer.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_secret_authenticates_the_Azure_CLI()
    {
        var answer = await AadstsResponse.ReadAsync(await gatehouse.PostTokenAsync(TokenServiceFixture.TenantId, new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = AzureCliAppId, ["client_secret"] = "anything",
            ["scope"] = "https://graph.microsoft.com/.default",
        }));

        Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
        Assert.Equal("invalid_client", answer.Error);
    }
}
