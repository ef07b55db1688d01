using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Gatehouse.Tests.MicrosoftHosts;

/// <summary>
/// Microsoft's hosts by name on the main listener (an /etc/hosts line or a container's --add-host): the TLS server
/// name picks the certificate, the CA's leaf for a Microsoft host and the server's own for anything else.
/// </summary>
public sealed class ByNameTests(MicrosoftHostsFixture fixture) : IClassFixture<MicrosoftHostsFixture>
{
    [Theory]
    [InlineData("graph.microsoft.com")]
    [InlineData("login.microsoftonline.com")]
    [InlineData("management.azure.com")]
    [InlineData("contoso.crm.dynamics.com")]
    public async Task A_Microsoft_host_named_in_SNI_gets_a_leaf_valid_for_it_under_ca_pem(string host)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync("127.0.0.1", fixture.Server.BaseAddress.Port, TestContext.Current.CancellationToken);
        await using var tls = new SslStream(tcp.GetStream());

        // The default validation, the host name included, against ca.pem as the only root.
        await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
        {
            TargetHost = host,
            CertificateChainPolicy = CertificateAuthorityTrust.Policy(fixture.Authority),
        }, TestContext.Current.CancellationToken);

        using var leaf = new X509Certificate2(tls.RemoteCertificate!);
        Assert.Equal(fixture.Authority.SubjectName.Name, leaf.IssuerName.Name);
        using var key = leaf.GetECDsaPublicKey();
        Assert.Equal(256, key?.KeySize);
        Assert.Contains(leaf.Extensions.OfType<X509EnhancedKeyUsageExtension>().Single().EnhancedKeyUsages.Cast<Oid>(), usage => usage.Value == "1.3.6.1.5.5.7.3.1");
    }

    [Fact]
    public async Task SNI_localhost_gets_the_servers_own_certificate()
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync("127.0.0.1", fixture.Server.BaseAddress.Port, TestContext.Current.CancellationToken);
        await using var tls = new SslStream(tcp.GetStream(), leaveInnerStreamOpen: false, fixture.Server.Pin.Validate);

        await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = "localhost" }, TestContext.Current.CancellationToken);

        using var ownCertificate = X509Certificate2.CreateFromPem(await File.ReadAllTextAsync(Path.Combine(fixture.Server.DataFolder!, "tls.pem"), TestContext.Current.CancellationToken));
        Assert.Equal(ownCertificate.GetCertHashString(HashAlgorithmName.SHA256), tls.RemoteCertificate!.GetCertHashString(HashAlgorithmName.SHA256));
    }
}
