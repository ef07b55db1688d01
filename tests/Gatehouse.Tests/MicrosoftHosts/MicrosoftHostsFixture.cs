using System.Security.Cryptography.X509Certificates;
using Gatehouse.Tests.Infrastructure;

namespace Gatehouse.Tests.MicrosoftHosts;

/// <summary>A server with its proxy for Microsoft's hosts on, shared by one test class, and the ca.pem it wrote.</summary>
public sealed class MicrosoftHostsFixture : IAsyncLifetime
{
    public TokenServiceFixture Gatehouse { get; private set; } = null!;

    public RunningGatehouse Server => Gatehouse.Server;

    public Uri Proxy => Server.ProxyAddress!;

    public X509Certificate2 Authority { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Gatehouse = await TokenServiceFixture.StartAsync(TestStore.Migrated(StoreTrait.Sqlite), withProxy: true);
        Authority = CertificateAuthorityTrust.ReadPem(Server.DataFolder!);
    }

    /// <summary>An HttpClient as a person's client with HTTPS_PROXY set and ca.pem trusted (and nothing else).</summary>
    public HttpClient CreateProxiedClient() => new(CertificateAuthorityTrust.ProxyHandler(Proxy, Authority));

    public async ValueTask DisposeAsync()
    {
        Authority.Dispose();
        await Gatehouse.DisposeAsync();
    }
}
