using System.Formats.Asn1;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Gatehouse.Hosting;
using Gatehouse.MicrosoftHosts;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace Gatehouse.Tests.MicrosoftHosts;

/// <summary>
/// The local certificate authority behind Microsoft's hostnames: made at first start into ca.pem, its key kept only
/// encrypted, kept across restarts, and constrained so that its key vouches for no other name.
/// </summary>
public sealed class CertificateAuthorityTests
{
    private static readonly string[] PermittedNames = [.. MicrosoftHostNames.Fixed, "crm.dynamics.com", "localhost"];

    [Fact]
    public async Task First_start_writes_a_name_constrained_CA_to_ca_pem_its_key_only_encrypted_and_a_restart_keeps_both()
    {
        using var store = TestStore.Sqlite();
        var caPath = Path.Combine(store.DataFolder, "ca.pem");
        var keyPath = Path.Combine(store.DataFolder, "ca.key.protected");
        byte[] pem;
        byte[] protectedKey;
        await using (await InProcessGatehouse.StartAsync(store))
        {
            pem = await File.ReadAllBytesAsync(caPath, TestContext.Current.CancellationToken);
            protectedKey = await File.ReadAllBytesAsync(keyPath, TestContext.Current.CancellationToken);
        }

        using var authority = X509Certificate2.CreateFromPem(Encoding.ASCII.GetString(pem));
        AssertIsTheNameConstrainedAuthority(authority);
        Assert.False(authority.HasPrivateKey);
        Assert.Equal(authority.SubjectName.RawData, authority.IssuerName.RawData);
        Assert.True(authority.NotAfter - authority.NotBefore >= TimeSpan.FromDays(3650), $"the authority lives {authority.NotAfter - authority.NotBefore}");
        Assert.IsType<ECDsa>(authority.GetECDsaPublicKey(), exactMatch: false);
        Assert.Equal(256, authority.GetECDsaPublicKey()!.KeySize);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead, File.GetUnixFileMode(caPath));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyPath));
        }

        // The key, as the server reads it back through Data Protection, appears nowhere in the file in the clear.
        using (var withKey = LoadAuthority(store))
        {
            using var key = withKey.GetECDsaPrivateKey()!;
            Assert.Equal(authority.Thumbprint, withKey.Thumbprint);
            Assert.False(Contains(protectedKey, key.ExportParameters(includePrivateParameters: true).D!), "ca.key.protected holds the private scalar in the clear");
            Assert.False(Contains(protectedKey, key.ExportPkcs8PrivateKey()), "ca.key.protected holds the PKCS#8 key in the clear");
            Assert.DoesNotContain("PRIVATE KEY", Encoding.Latin1.GetString(protectedKey), StringComparison.Ordinal);
        }

        await using (var restarted = await InProcessGatehouse.StartAsync(store))
        {
            Assert.Equal(pem, await File.ReadAllBytesAsync(caPath, TestContext.Current.CancellationToken));
            Assert.Equal(protectedKey, await File.ReadAllBytesAsync(keyPath, TestContext.Current.CancellationToken));
            using var served = await restarted.CreateClient().GetAsync(new Uri("/ca.pem", UriKind.Relative), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, served.StatusCode);
            Assert.Equal("application/x-pem-file", served.Content.Headers.ContentType?.MediaType);
            Assert.Equal(Encoding.ASCII.GetString(pem), await served.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        }
    }

    [Fact]
    public async Task A_certificate_for_another_name_signed_with_the_CA_key_fails_validation_on_the_name_constraint()
    {
        using var store = TestStore.Sqlite();
        await using (await InProcessGatehouse.StartAsync(store))
        {
        }

        using var authority = LoadAuthority(store);
        using var trusted = CertificateAuthorityTrust.ReadPem(store.DataFolder);
        var now = TimeProvider.System.GetUtcNow();
        using var forExample = MicrosoftCertificateAuthority.Issue(authority, ["example.com"], now);
        using var forGraph = MicrosoftCertificateAuthority.Issue(authority, ["graph.microsoft.com"], now);

        using var chain = new X509Chain { ChainPolicy = CertificateAuthorityTrust.Policy(trusted) };
        Assert.False(chain.Build(forExample), "a certificate for example.com signed with the CA's key was accepted");
        Assert.Contains(chain.ChainStatus, status => status.Status == X509ChainStatusFlags.HasNotPermittedNameConstraint);

        // The same key and the same chain validation accept a name the constraints permit.
        using var control = new X509Chain { ChainPolicy = CertificateAuthorityTrust.Policy(trusted) };
        Assert.True(control.Build(forGraph), string.Join("; ", control.ChainStatus.Select(status => status.StatusInformation)));
    }

    [Fact]
    public async Task An_in_memory_server_writes_no_ca_pem_and_serves_its_CA_at_GET_ca_pem()
    {
        var folder = Path.Combine(Path.GetTempPath(), "gatehouse-tests", "in-memory-" + Guid.NewGuid().ToString("N"));
        var port = LoopbackPort.Free();

        await using var server = await GatehouseProcess.StartAsync(
            port, null, null, ["serve", "--in-memory", "--urls", $"https://127.0.0.1:{port}", "--data", folder], TestContext.Current.CancellationToken);

        using var client = server.CreateClient();
        using var response = await client.GetAsync(new Uri("/ca.pem", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-pem-file", response.Content.Headers.ContentType?.MediaType);
        using var authority = X509Certificate2.CreateFromPem(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        AssertIsTheNameConstrainedAuthority(authority);
        Assert.False(Directory.Exists(folder), "the in-memory server made its data folder");
    }

    /// <summary>basicConstraints CA with pathLen 0, keyCertSign and cRLSign, and the critical Name Constraints (RFC 5280 §4.2.1.10).</summary>
    private static void AssertIsTheNameConstrainedAuthority(X509Certificate2 authority)
    {
        var basic = authority.Extensions.OfType<X509BasicConstraintsExtension>().Single();
        Assert.True(basic.CertificateAuthority);
        Assert.True(basic.HasPathLengthConstraint);
        Assert.Equal(0, basic.PathLengthConstraint);
        Assert.True(basic.Critical);
        var usage = authority.Extensions.OfType<X509KeyUsageExtension>().Single();
        Assert.Equal(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, usage.KeyUsages);

        var constraints = authority.Extensions["2.5.29.30"];
        Assert.NotNull(constraints);
        Assert.True(constraints.Critical);
        var (names, ranges, excluded) = ReadNameConstraints(constraints.RawData);
        Assert.Equal(PermittedNames.Order(StringComparer.Ordinal), names.Order(StringComparer.Ordinal));
        Assert.Equal(["127.0.0.0/255.0.0.0", "::1/ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"], ranges);
        Assert.False(excluded);
    }

    private static (List<string> DnsNames, List<string> AddressRanges, bool HasExcluded) ReadNameConstraints(byte[] encoded)
    {
        var names = new List<string>();
        var ranges = new List<string>();
        var outer = new AsnReader(encoded, AsnEncodingRules.DER).ReadSequence();
        var permitted = outer.ReadSequence(new Asn1Tag(TagClass.ContextSpecific, 0));
        while (permitted.HasData)
        {
            var subtree = permitted.ReadSequence();
            var tag = subtree.PeekTag();
            if (tag.HasSameClassAndValue(new Asn1Tag(TagClass.ContextSpecific, 2)))
            {
                names.Add(subtree.ReadCharacterString(UniversalTagNumber.IA5String, tag));
            }
            else
            {
                Assert.True(tag.HasSameClassAndValue(new Asn1Tag(TagClass.ContextSpecific, 7)), $"unexpected GeneralName {tag}");
                var bytes = subtree.ReadOctetString(tag);
                var half = bytes.Length / 2;
                ranges.Add($"{new IPAddress(bytes[..half])}/{new IPAddress(bytes[half..])}");
            }

            Assert.False(subtree.HasData, "a subtree with minimum or maximum");
        }

        return (names, ranges, outer.HasData);
    }

    /// <summary>The authority with its private key, read the way the server reads it: through the store's Data Protection key ring.</summary>
    private static X509Certificate2 LoadAuthority(TestStore store)
    {
        using var services = new ServiceCollection()
            .AddLogging()
            .AddGatehouseCore(store.Options, store.ReadKeyEncryptionKey())
            .BuildServiceProvider();
        var authority = CertificateAuthorityFile.TryLoad(store.DataFolder, services.GetRequiredService<IDataProtectionProvider>());
        Assert.NotNull(authority);
        Assert.True(authority.HasPrivateKey);
        return authority;
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}
