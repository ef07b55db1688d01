using System.Security.Cryptography;

namespace Gatehouse.Identity.Clients;

/// <summary>
/// Everything the token endpoint needs about one client in one tenant, read once and kept until the store changes:
/// the hot path of client credentials touches no database. <see cref="AllowsPublicClientFlows"/> is the portal's
/// "Allow public client flows" (isFallbackPublicClient): device code and password grants without a credential.
/// <see cref="AccountEnabled"/> is the service principal's: a disabled one gets no token.
/// </summary>
internal sealed record ClientSnapshot(
    Guid AppId,
    string DisplayName,
    Guid TenantId,
    Guid ServicePrincipalId,
    IReadOnlyList<SecretVerifier> Secrets,
    IReadOnlyList<CertificateVerifier> Certificates,
    IReadOnlyDictionary<Guid, string[]> GrantedRolesByResource,
    bool AllowsPublicClientFlows,
    bool AccountEnabled);

/// <summary>A client secret's keyed hash and validity.</summary>
internal sealed record SecretVerifier(Guid KeyId, string Hint, byte[] Salt, byte[] Hash, DateTimeOffset Start, DateTimeOffset End);

/// <summary>A registered certificate: its thumbprints (as assertions name it), public key and validity.</summary>
internal sealed record CertificateVerifier(Guid KeyId, string X5t, string X5tS256, RSA PublicKey, DateTimeOffset Start, DateTimeOffset End);
