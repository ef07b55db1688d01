using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Gatehouse.Connectors;

/// <summary>
/// The hub calls providers with the platform's certificate checks, and also trusts this server's own certificate
/// (self-signed by default), so that the default authority, this Gatehouse's public URL, can be reached.
/// </summary>
internal sealed record HubOutboundTrust(X509Certificate2? OwnCertificate)
{
    public bool Validate(object sender, X509Certificate? presented, X509Chain? chain, SslPolicyErrors errors) =>
        errors == SslPolicyErrors.None
        || (OwnCertificate is not null && presented is not null
            && presented.GetCertHash().AsSpan().SequenceEqual(OwnCertificate.GetCertHash()));
}
