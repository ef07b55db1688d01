using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Identity;
using Gatehouse.Tests.Infrastructure;

namespace Gatehouse.Tests.Identity;

/// <summary>Azure.Identity's credentials work against Gatehouse given AuthorityHost and DisableInstanceDiscovery.</summary>
public sealed class AzureIdentityTests(TokenServiceFixture gatehouse) : IClassFixture<TokenServiceFixture>
{
    private static readonly TokenRequestContext Graph = new(["https://graph.microsoft.com/.default"]);

    [Fact]
    public async Task ClientSecretCredential_gets_a_Graph_token()
    {
        var client = await gatehouse.RegisterClientAsync("azid-secret", ("Microsoft Graph", "Directory.Read.All"));
        var credential = new ClientSecretCredential(TokenServiceFixture.TenantId, client.AppId, client.Secret, Options<ClientSecretCredentialOptions>());

        var token = await credential.GetTokenAsync(Graph, TestContext.Current.CancellationToken);

        var claims = Jwt.Payload(token.Token);
        Assert.Equal(client.AppId, claims.GetProperty("appid").GetString());
        Assert.Equal(["Directory.Read.All"], claims.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.True(token.ExpiresOn > TimeProvider.System.GetUtcNow().AddMinutes(55));
    }

    [Fact]
    public async Task ClientCertificateCredential_gets_a_Graph_token_by_domain_name()
    {
        var client = await gatehouse.RegisterClientAsync("azid-cert", ("Microsoft Graph", "Directory.Read.All"));
        using var certificate = await gatehouse.AddCertificateAsync(client.AppId);
        var options = Options<ClientCertificateCredentialOptions>();
        options.SendCertificateChain = true;
        var credential = new ClientCertificateCredential(TokenServiceFixture.TenantDomain, client.AppId, certificate, options);

        var token = await credential.GetTokenAsync(Graph, TestContext.Current.CancellationToken);

        var claims = Jwt.Payload(token.Token);
        Assert.Equal("2", claims.GetProperty("appidacr").GetString());
        Assert.Equal(TokenServiceFixture.TenantId, claims.GetProperty("tid").GetString());
    }

    private T Options<T>()
        where T : TokenCredentialOptions, new()
    {
        var options = new T
        {
            AuthorityHost = new Uri(gatehouse.BaseUrl),
            Transport = new HttpClientTransport(gatehouse.TrustingHandler()),
        };
        switch (options)
        {
            case ClientSecretCredentialOptions secret:
                secret.DisableInstanceDiscovery = true;
                break;
            case ClientCertificateCredentialOptions certificate:
                certificate.DisableInstanceDiscovery = true;
                break;
        }

        return options;
    }
}
