using Gatehouse.Tests.Infrastructure;
using Gatehouse.Tests.MicrosoftHosts;
using Microsoft.Identity.Client;

namespace Gatehouse.Tests.UnchangedClients;

/// <summary>
/// What a client of the public cloud is given on a machine set up as README.md, "Use it with unchanged clients" says:
/// Gatehouse's proxy and its certificate authority, and nothing else.
/// </summary>
internal static class MicrosoftCloudClients
{
    public static string CaBundle(this MicrosoftHostsFixture gatehouse) => Path.Combine(gatehouse.Server.DataFolder!, "ca.pem");

    public static SocketsHttpHandler ProxiedHandler(this MicrosoftHostsFixture gatehouse) =>
        CertificateAuthorityTrust.ProxyHandler(gatehouse.Proxy, gatehouse.Authority);

    public static IReadOnlyDictionary<string, string> ProcessEnvironment(this MicrosoftHostsFixture gatehouse) =>
        ProxiedProcess.Environment(gatehouse.Proxy, gatehouse.CaBundle());

    /// <summary>MSAL.NET's confidential client on the public cloud's authority (instance discovery left on), for client credentials.</summary>
    public static async Task<string> ClientCredentialsTokenAsync(this MicrosoftHostsFixture gatehouse, string appId, string secret, string scope)
    {
        using var factory = new TrustingMsalHttpClientFactory(gatehouse.ProxiedHandler());
        var msal = ConfidentialClientApplicationBuilder.Create(appId)
            .WithAuthority(AzureCloudInstance.AzurePublic, TokenServiceFixture.TenantId)
            .WithClientSecret(secret)
            .WithHttpClientFactory(factory)
            .Build();
        var result = await msal.AcquireTokenForClient([scope]).ExecuteAsync(TestContext.Current.CancellationToken);
        return result.AccessToken;
    }
}
