using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.IdentityModel.Tokens;

namespace Gatehouse.Identity.Keys;

/// <summary>A signing key ready to use: its RSA key, credentials for signing, and its certificate for the JWKS.</summary>
internal sealed class SigningKeyMaterial(SigningKey key, RSA rsa)
{
    public string Kid => key.Kid;

    public DateTimeOffset CreatedDateTime => key.CreatedDateTime;

    public DateTimeOffset? RetiredDateTime => key.RetiredDateTime;

    public X509Certificate2 Certificate { get; } = X509CertificateLoader.LoadCertificate(key.Certificate);

    public RSAParameters PublicParameters { get; } = rsa.ExportParameters(includePrivateParameters: false);

    /// <summary>Signs with kid only in the header (v2.0 tokens).</summary>
    public SigningCredentials Credentials { get; } = new(new RsaSecurityKey(rsa) { KeyId = key.Kid }, SecurityAlgorithms.RsaSha256);

    /// <summary>Signs with kid and x5t in the header, as v1.0 tokens carry both.</summary>
    public SigningCredentials CertificateCredentials { get; } = new(
        new X509SecurityKey(X509CertificateLoader.LoadCertificate(key.Certificate).CopyWithPrivateKey(rsa), key.Kid),
        SecurityAlgorithms.RsaSha256);
}
