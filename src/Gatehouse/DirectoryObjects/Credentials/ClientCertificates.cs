using System.Security.Cryptography.X509Certificates;
using Gatehouse.Data;
using Gatehouse.DirectoryObjects.Applications;

namespace Gatehouse.DirectoryObjects.Credentials;

/// <summary>Adds and removes certificate credentials (Graph's keyCredentials).</summary>
internal sealed class ClientCertificates(GatehouseDb db, TimeProvider clock)
{
    public const int MaximumDisplayNameLength = 90;

    public async Task<Outcome<KeyCredential, DirectoryError>> AddAsync(Application application, ReadOnlyMemory<byte> file, CancellationToken cancellationToken)
    {
        var credential = Read(application, file.Span, keyId: null);
        if (!credential.Succeeded)
        {
            return credential.Error;
        }

        db.KeyCredentials.Add(credential.Value);
        await db.SaveChangesAsync(cancellationToken);
        return credential.Value;
    }

    /// <summary>
    /// Graph's PATCH of keyCredentials (docs/protocol/graph-dataverse.md §2.3): the list replaces the app's certificates.
    /// An entry with a `key` adds that certificate; one with only the `keyId` of a certificate the app has keeps it; the
    /// rest are removed. Nothing changes unless every entry is valid.
    /// </summary>
    public DirectoryError? Replace(Application application, IReadOnlyList<KeyCredentialEntry> entries)
    {
        var kept = new List<KeyCredential>();
        var added = new List<KeyCredential>();
        foreach (var entry in entries)
        {
            if (entry.Type is not (null or KeyCredential.AsymmetricX509Cert) || entry.Usage is not (null or KeyCredential.VerifyUsage))
            {
                return DirectoryError.Invalid($"keyCredentials take type {KeyCredential.AsymmetricX509Cert} with usage {KeyCredential.VerifyUsage}.");
            }

            if (entry.Key is null)
            {
                var existing = application.KeyCredentials.FirstOrDefault(k => k.KeyId == entry.KeyId);
                if (existing is null)
                {
                    return DirectoryError.Invalid($"The application has no certificate with keyId {entry.KeyId}; give its key to add one.");
                }

                kept.Add(existing);
                continue;
            }

            var read = Read(application, entry.Key, entry.KeyId);
            if (!read.Succeeded)
            {
                return read.Error;
            }

            if (added.Any(k => k.Thumbprint == read.Value.Thumbprint))
            {
                return DirectoryError.Conflict($"The certificate {read.Value.Thumbprint} is in keyCredentials twice.");
            }

            added.Add(read.Value);
        }

        db.KeyCredentials.RemoveRange(application.KeyCredentials.Except(kept));
        db.KeyCredentials.AddRange(added);
        return null;
    }

    private Outcome<KeyCredential, DirectoryError> Read(Application application, ReadOnlySpan<byte> file, Guid? keyId)
    {
        var read = CertificateFile.Read(file);
        if (!read.Succeeded)
        {
            return read.Error;
        }

        using var certificate = read.Value;
        var notAfter = new DateTimeOffset(certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero);
        if (notAfter <= clock.GetUtcNow())
        {
            return DirectoryError.Invalid($"The certificate expired on {notAfter:yyyy-MM-dd}; upload a current one.");
        }

        using (var publicKey = certificate.GetRSAPublicKey())
        {
            if (publicKey is null)
            {
                return DirectoryError.Invalid("The certificate's key is not RSA; client assertions are signed with RS256 or PS256, so upload an RSA certificate.");
            }
        }

        var thumbprint = certificate.Thumbprint;
        if (application.KeyCredentials.Any(k => k.Thumbprint == thumbprint && k.KeyId != keyId))
        {
            return DirectoryError.Conflict($"The certificate {thumbprint} is already registered on this application.");
        }

        return new KeyCredential
        {
            KeyId = keyId is { } given && application.KeyCredentials.All(k => k.KeyId != given) ? given : Guid.NewGuid(),
            ApplicationId = application.Id,
            DisplayName = Truncate(certificate.Subject, MaximumDisplayNameLength),
            Thumbprint = thumbprint,
            CustomKeyIdentifier = certificate.GetCertHash(),
            Key = certificate.RawData,
            StartDateTime = StoreClock.ToStoreResolution(new DateTimeOffset(certificate.NotBefore.ToUniversalTime(), TimeSpan.Zero)),
            EndDateTime = StoreClock.ToStoreResolution(notAfter),
        };
    }

    public async Task<Outcome<KeyCredential, DirectoryError>> RemoveAsync(Application application, Guid keyId, CancellationToken cancellationToken)
    {
        var credential = application.KeyCredentials.FirstOrDefault(c => c.KeyId == keyId);
        if (credential is null)
        {
            return DirectoryError.NotFound($"The application has no certificate with ID {keyId}.");
        }

        db.KeyCredentials.Remove(credential);
        await db.SaveChangesAsync(cancellationToken);
        return credential;
    }

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}
