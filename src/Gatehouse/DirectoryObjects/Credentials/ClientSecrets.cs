using Gatehouse.Data;
using Gatehouse.DirectoryObjects.Applications;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.DirectoryObjects.Credentials;

/// <summary>Adds and removes client secrets (Graph's passwordCredentials).</summary>
internal sealed class ClientSecrets(GatehouseDb db, TimeProvider clock)
{
    public async Task<Outcome<NewSecret, DirectoryError>> AddAsync(Application application, string? description, string expires, CancellationToken cancellationToken)
    {
        var start = clock.StoreNow();
        var end = SecretExpiry.Parse(expires, start);
        if (!end.Succeeded)
        {
            return end.Error;
        }

        return await AddAsync(application, description, start, end.Value, cancellationToken);
    }

    public async Task<Outcome<NewSecret, DirectoryError>> AddAsync(
        Application application, string? description, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken)
    {
        if (description is { Length: > 1024 })
        {
            return DirectoryError.Invalid("The description must be at most 1024 characters.");
        }

        if (end <= start)
        {
            return DirectoryError.Invalid("The secret must expire after it starts.");
        }

        var maxDays = await db.Tenants.Where(t => t.Id == application.TenantId).Select(t => t.MaxSecretLifetimeDays).FirstOrDefaultAsync(cancellationToken);
        // Compared as a span: start.AddDays(days) overflows for a policy of billions of days.
        if (maxDays is { } days && (end - start).TotalDays > days)
        {
            return DirectoryError.Policy(
                $"The tenant's app management policy limits client secrets to {days} days; choose an expiry on or before {start.AddDays(days):yyyy-MM-dd}.");
        }

        var value = ClientSecretValue.New();
        var (salt, hash) = ClientSecretHash.Compute(value);
        var credential = new PasswordCredential
        {
            KeyId = Guid.NewGuid(),
            ApplicationId = application.Id,
            DisplayName = string.IsNullOrWhiteSpace(description) ? null : description.Trim(),
            Hint = value[..3],
            StartDateTime = start,
            EndDateTime = end,
            SecretSalt = salt,
            SecretHash = hash,
        };
        db.PasswordCredentials.Add(credential);
        await db.SaveChangesAsync(cancellationToken);
        return new NewSecret(credential, value);
    }

    public async Task<Outcome<PasswordCredential, DirectoryError>> RemoveAsync(Application application, Guid keyId, CancellationToken cancellationToken)
    {
        var credential = application.PasswordCredentials.FirstOrDefault(c => c.KeyId == keyId);
        if (credential is null)
        {
            return DirectoryError.NotFound($"The application has no client secret with ID {keyId}.");
        }

        db.PasswordCredentials.Remove(credential);
        await db.SaveChangesAsync(cancellationToken);
        return credential;
    }
}
