using System.Formats.Asn1;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Gatehouse.MicrosoftHosts;

/// <summary>
/// The local certificate authority that vouches for Microsoft's hostnames (docs/protocol/microsoft-hosts.md §2.4): an
/// ECDSA P-256 root whose critical Name Constraints permit only those hosts, localhost and the loopback addresses, so
/// that its key can mint a certificate for no other name; and the one leaf it signs for all of Microsoft's hosts.
/// </summary>
internal static class MicrosoftCertificateAuthority
{
    public static readonly TimeSpan AuthorityLifetime = TimeSpan.FromDays(3650);

    /// <summary>No longer than the 398 days browsers accept for a server certificate; made again at every start anyway.</summary>
    public static readonly TimeSpan LeafLifetime = TimeSpan.FromDays(397);

    /// <summary>Every Dataverse organisation's host lies under it; a dNSName constraint covers its subdomains.</summary>
    public const string DataverseDomain = "crm.dynamics.com";

    private const string NameConstraintsOid = "2.5.29.30";
    private const string ServerAuthentication = "1.3.6.1.5.5.7.3.1";

    /// <summary>The names the authority may vouch for: Microsoft's hosts, the Dataverse domain and localhost.</summary>
    public static IReadOnlyList<string> PermittedDnsNames { get; } = [.. MicrosoftHostNames.Fixed, DataverseDomain, "localhost"];

    /// <summary>The addresses it may vouch for: 127.0.0.0/8 and ::1/128.</summary>
    public static IReadOnlyList<(IPAddress Address, IPAddress Mask)> PermittedAddressRanges { get; } =
    [
        (IPAddress.Parse("127.0.0.0"), IPAddress.Parse("255.0.0.0")),
        (IPAddress.IPv6Loopback, IPAddress.Parse("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff")),
    ];

    /// <summary>The names on the leaf: every fixed host, and any Dataverse organisation.</summary>
    public static IReadOnlyList<string> LeafDnsNames { get; } = [.. MicrosoftHostNames.Fixed, "*" + MicrosoftHostNames.DataverseSuffix];

    /// <summary>A new self-signed authority, with its private key, valid from five minutes before <paramref name="now"/>.</summary>
    public static X509Certificate2 Create(DateTimeOffset now)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var label = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        var request = new CertificateRequest($"CN=Gatehouse local CA {label}, O=Gatehouse", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(
            certificateAuthority: true, hasPathLengthConstraint: true, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, critical: true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        request.CertificateExtensions.Add(NameConstraints());
        return request.CreateSelfSigned(now.AddMinutes(-5), now.Add(AuthorityLifetime));
    }

    /// <summary>
    /// Whether <paramref name="authority"/> can go on serving: it outlives a whole leaf from <paramref name="now"/>, and
    /// its name constraints are the ones this version would write (a host added to the list needs a new authority,
    /// or the leaf naming it would be refused).
    /// </summary>
    public static bool IsCurrent(X509Certificate2 authority, DateTimeOffset now) =>
        authority.NotAfter.ToUniversalTime() > now.UtcDateTime.Add(LeafLifetime)
        && authority.Extensions[NameConstraintsOid] is { } constraints
        && constraints.RawData.AsSpan().SequenceEqual(NameConstraints().RawData);

    /// <summary>The server certificate for Microsoft's hosts, signed by <paramref name="authority"/> (which holds its key).</summary>
    public static X509Certificate2 IssueLeaf(X509Certificate2 authority, DateTimeOffset now) =>
        Issue(authority, LeafDnsNames, now);

    /// <summary>A server certificate for <paramref name="dnsNames"/>, whether or not the authority's constraints permit them.</summary>
    public static X509Certificate2 Issue(X509Certificate2 authority, IEnumerable<string> dnsNames, DateTimeOffset now)
    {
        var names = dnsNames.ToList();
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={names[0]}", key, HashAlgorithmName.SHA256);
        var alternativeNames = new SubjectAlternativeNameBuilder();
        foreach (var name in names)
        {
            alternativeNames.AddDnsName(name);
        }

        request.CertificateExtensions.Add(alternativeNames.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(ServerAuthentication)], critical: false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(authority, includeKeyIdentifier: true, includeIssuerAndSerial: false));

        var notAfter = now.Add(LeafLifetime);
        if (notAfter > authority.NotAfter)
        {
            notAfter = authority.NotAfter;
        }

        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] = (byte)((serial[0] & 0x7F) | 0x01);
        using var signed = request.Create(authority, now.AddMinutes(-5), notAfter, serial);
        return signed.CopyWithPrivateKey(key);
    }

    /// <summary>
    /// RFC 5280 §4.2.1.10, critical: permittedSubtrees of <see cref="PermittedDnsNames"/> (dNSName, which also covers
    /// each name's subdomains) and <see cref="PermittedAddressRanges"/> (iPAddress, address then mask). .NET has no
    /// builder for it.
    /// </summary>
    public static X509Extension NameConstraints()
    {
        // NameConstraints ::= SEQUENCE { permittedSubtrees [0] GeneralSubtrees OPTIONAL, excludedSubtrees [1] … }
        // GeneralSubtree ::= SEQUENCE { base GeneralName, minimum [0] DEFAULT 0, maximum [1] OPTIONAL }
        // GeneralName: dNSName [2] IA5String, iPAddress [7] OCTET STRING; the module's tags are implicit.
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            using (writer.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 0)))
            {
                foreach (var name in PermittedDnsNames)
                {
                    using (writer.PushSequence())
                    {
                        writer.WriteCharacterString(UniversalTagNumber.IA5String, name, new Asn1Tag(TagClass.ContextSpecific, 2));
                    }
                }

                foreach (var (address, mask) in PermittedAddressRanges)
                {
                    using (writer.PushSequence())
                    {
                        writer.WriteOctetString([.. address.GetAddressBytes(), .. mask.GetAddressBytes()], new Asn1Tag(TagClass.ContextSpecific, 7));
                    }
                }
            }
        }

        return new X509Extension(NameConstraintsOid, writer.Encode(), critical: true);
    }
}
