using System.Security.Cryptography;
using Gatehouse.Data;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.DirectoryObjects.Applications;

/// <summary>An app registration's logo: upload (checked before anything is stored), remove, and the version its URL names.</summary>
internal sealed class ApplicationLogos(GatehouseDb db)
{
    /// <summary>Entra's limit: "less than 100 KB".</summary>
    public const int MaximumBytes = 100 * 1024;

    public const int VersionLength = 16;

    public async Task<Outcome<ApplicationLogo, DirectoryError>> SetAsync(Application application, byte[] image, CancellationToken cancellationToken)
    {
        if (image.Length > MaximumBytes)
        {
            return TooLarge(image.Length);
        }

        if (LogoFormat.ContentTypeOf(image) is not { } contentType)
        {
            return DirectoryError.Invalid($"The logo must be a {LogoFormat.Names} image; this file is none of them.");
        }

        var logo = await db.ApplicationLogos.FirstOrDefaultAsync(l => l.ApplicationId == application.Id, cancellationToken);
        if (logo is null)
        {
            logo = new ApplicationLogo { ApplicationId = application.Id };
            db.ApplicationLogos.Add(logo);
        }

        logo.ContentType = contentType;
        logo.Content = image;
        logo.Version = Convert.ToHexStringLower(SHA256.HashData(image))[..VersionLength];
        await db.SaveChangesAsync(cancellationToken);
        return logo;
    }

    /// <summary>The refusal of a file of <paramref name="length"/> bytes, which a caller may give before reading it.</summary>
    public static DirectoryError TooLarge(long length) =>
        DirectoryError.Invalid($"The logo must be at most 100 KB; this file is {(length + 1023) / 1024} KB.");

    public Task RemoveAsync(Application application, CancellationToken cancellationToken) =>
        db.ApplicationLogos.Where(l => l.ApplicationId == application.Id).ExecuteDeleteAsync(cancellationToken);

    public Task<string?> VersionAsync(Guid applicationId, CancellationToken cancellationToken) =>
        db.ApplicationLogos.AsNoTracking().Where(l => l.ApplicationId == applicationId).Select(l => l.Version).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The logo when <paramref name="version"/> is its current one, else null.</summary>
    public Task<ApplicationLogo?> FindAsync(Guid applicationId, string version, CancellationToken cancellationToken) =>
        db.ApplicationLogos.AsNoTracking().FirstOrDefaultAsync(l => l.ApplicationId == applicationId && l.Version == version, cancellationToken);
}
