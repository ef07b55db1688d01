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
        var read = CertificateFile.Read(file.Span);
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
        if (application.KeyCredentials.Any(k => k.Thumbprint == thumbprint))
        {
            return DirectoryError.Conflict($"The certificate {thumbprint} is already registered on this application.");
        }

        var credential = new KeyCredential
        {
            KeyId = Guid.NewGuid(),
            ApplicationId = application.Id,
            DisplayName = Truncate(certificate.Subject, MaximumDisplayNameLength),
            Thumbprint = thumbprint,
            CustomKeyIdentifier = certificate.GetCertHash(),
            Key = certificate.RawData,
            StartDateTime = StoreClock.ToStoreResolution(new DateTimeOffset(certificate.NotBefore.ToUniversalTime(), TimeSpan.Zero)),
            EndDateTime = StoreClock.ToStoreResolution(notAfter),
        };
        db.KeyCredentials.Add(credential);
        await db.SaveChangesAsync(cancellationToken);
        return credential;
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
