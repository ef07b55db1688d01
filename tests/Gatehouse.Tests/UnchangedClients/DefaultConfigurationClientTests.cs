using System.Text.Json;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Identity;
using Gatehouse.Tests.Infrastructure;
using Gatehouse.Tests.MicrosoftHosts;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Identity.Client;

namespace Gatehouse.Tests.UnchangedClients;

/// <summary>
/// MSAL.NET, Azure.Identity, the Graph SDK and MSAL for Python exactly as their samples create them: no authority, no
/// instance-discovery or Graph base URL setting. The only change is the machine's: the proxy and the trusted authority.
/// </summary>
public sealed class DefaultConfigurationClientTests(MicrosoftHostsFixture gatehouse) : IClassFixture<MicrosoftHostsFixture>
{
    private const string PythonProgram = "/usr/bin/python3";
    private static readonly string[] GraphScopes = ["https://graph.microsoft.com/.default"];
    private static readonly string[] UserRead = ["User.Read"];

    [Fact]
    public async Task MSAL_NET_with_the_public_cloud_authority_gets_a_token_issued_by_login_microsoftonline_com()
    {
        var client = await gatehouse.Gatehouse.RegisterClientAsync("default-msal", ("Microsoft Graph", "User.Read.All"));

        var token = await gatehouse.ClientCredentialsTokenAsync(client.AppId, client.Secret, GraphScopes[0]);

        var claims = Jwt.Payload(token);
        Assert.Equal($"https://sts.windows.net/{TokenServiceFixture.TenantId}/", claims.GetProperty("iss").GetString());
        Assert.Equal(client.AppId, claims.GetProperty("appid").GetString());
    }

    [Fact]
    public async Task Azure_Identity_and_the_Graph_SDK_with_their_defaults_list_users_and_register_an_app()
    {
        var client = await gatehouse.Gatehouse.RegisterClientAsync("default-graph-sdk",
            ("Microsoft Graph", "User.Read.All"), ("Microsoft Graph", "Application.ReadWrite.All"));
        var handler = gatehouse.ProxiedHandler();
        var credential = new ClientSecretCredential(TokenServiceFixture.TenantId, client.AppId, client.Secret,
            new ClientSecretCredentialOptions { Transport = new HttpClientTransport(handler) });
        var graph = new GraphServiceClient(GraphClientFactory.Create(finalHandler: handler), credential, GraphScopes);

        var users = await graph.Users.GetAsync(cancellationToken: TestContext.Current.CancellationToken);
        var created = await graph.Applications.PostAsync(new Application { DisplayName = "Made with the SDK's defaults" },
            cancellationToken: TestContext.Current.CancellationToken);
        var token = await credential.GetTokenAsync(new TokenRequestContext(GraphScopes), TestContext.Current.CancellationToken);

        Assert.NotEmpty(users!.Value!);
        Assert.Equal("Made with the SDK's defaults", created!.DisplayName);
        Assert.Equal($"https://sts.windows.net/{TokenServiceFixture.TenantId}/", Jwt.Payload(token.Token).GetProperty("iss").GetString());
    }

    [Fact]
    public async Task MSAL_NET_public_client_signs_a_user_in_with_a_password_after_asking_the_user_realm()
    {
        using var flow = await DelegatedSignIn.CreatePublicAsync(gatehouse.Gatehouse, "default-ropc",
            "https://login.microsoftonline.com/common/oauth2/nativeclient", allowPublicClientFlows: true);
        using var factory = new TrustingMsalHttpClientFactory(gatehouse.ProxiedHandler());
        var msal = PublicClientApplicationBuilder.Create(flow.Client.AppId)
            .WithAuthority(AzureCloudInstance.AzurePublic, TokenServiceFixture.TenantId)
            .WithHttpClientFactory(factory)
            .Build();

#pragma warning disable CS0618 // Obsolete in MSAL for new apps; old scripts are what the grant is kept for.
        var result = await msal.AcquireTokenByUsernamePassword(UserRead, flow.Upn, flow.Password).ExecuteAsync(TestContext.Current.CancellationToken);
#pragma warning restore CS0618

        Assert.Equal(flow.Upn, result.Account.Username);
        Assert.Equal(flow.Upn, Jwt.Payload(result.AccessToken).GetProperty("upn").GetString());
    }

    [Fact]
    public async Task MSAL_for_Python_with_its_defaults_gets_an_app_token_and_a_users_token()
    {
        var client = await gatehouse.Gatehouse.RegisterClientAsync("default-msal-python", ("Microsoft Graph", "User.Read.All"));
        using var flow = await DelegatedSignIn.CreatePublicAsync(gatehouse.Gatehouse, "default-msal-python-ropc",
            "https://login.microsoftonline.com/common/oauth2/nativeclient", allowPublicClientFlows: true);

        var app = await MsalPythonAsync(new
        {
            flow = "client_credentials", tenant = TokenServiceFixture.TenantId, client_id = client.AppId, secret = client.Secret,
            scopes = GraphScopes,
        });
        var user = await MsalPythonAsync(new
        {
            flow = "password", tenant = TokenServiceFixture.TenantId, client_id = flow.Client.AppId, username = flow.Upn,
            password = flow.Password, scopes = UserRead,
        });

        Assert.Contains("User.Read.All", Jwt.Payload(app.GetProperty("access_token").GetString()!).GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(flow.Upn, Jwt.Payload(user.GetProperty("access_token").GetString()!).GetProperty("upn").GetString());
        Assert.Equal(flow.Upn, user.GetProperty("id_token_claims").GetProperty("preferred_username").GetString());
    }

    private async Task<JsonElement> MsalPythonAsync(object request)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "UnchangedClients", "msal_python_client.py");
        var result = await ProxiedProcess.RunAsync(PythonProgram, [script], gatehouse.ProcessEnvironment(),
            JsonSerializer.Serialize(request));
        Assert.True(result.ExitCode == 0, result.ToString());
        var answer = JsonDocument.Parse(result.Output).RootElement.Clone();
        Assert.True(answer.TryGetProperty("access_token", out _), result.ToString());
        return answer;
    }
}
