using System.Buffers.Text;
using Gatehouse.Identity.Keys;

namespace Gatehouse.Identity.Endpoints;

/// <summary>The published signing keys in Entra's JWKS shape (docs/protocol/entra-protocol.md §2.4): kid = x5t, x5c, n, e, and a per-key issuer.</summary>
internal static class JsonWebKeySet
{
    public static object For(IEnumerable<SigningKeyMaterial> keys, string? issuer) => new
    {
        keys = keys.Select(key => new
        {
            kty = "RSA",
            use = "sig",
            kid = key.Kid,
            x5t = key.Kid,
            n = Base64Url.EncodeToString(key.PublicParameters.Modulus),
            e = Base64Url.EncodeToString(key.PublicParameters.Exponent),
            x5c = new[] { Convert.ToBase64String(key.Certificate.RawData) },
            cloud_instance_name = issuer is null ? null : OpenIdConfiguration.CloudInstanceName,
            issuer,
        }),
    };
}
