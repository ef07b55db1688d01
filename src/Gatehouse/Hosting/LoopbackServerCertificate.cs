using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Gatehouse.Hosting;

/// <summary>
/// A self-signed TLS server certificate for localhost, 127.0.0.1 and ::1: the server's own at first start, and the one
/// the Aspire integration gives its Gatehouse (src/Gatehouse.Hosting.Aspire compiles this file too). ECDSA P-256, which
/// every TLS client accepts: made in a millisecond where an RSA-2048 key takes up to a second of a first start, and
/// each handshake's signature costs the server a fraction of an RSA one.
/// </summary>
internal static class LoopbackServerCertificate
{
    public static X509Certificate2 Create(string subject, DateTimeOffset now, TimeSpan lifetime)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        names.AddIpAddress(IPAddress.IPv6Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        return request.CreateSelfSigned(now.AddMinutes(-5), now.Add(lifetime));
    }
}
