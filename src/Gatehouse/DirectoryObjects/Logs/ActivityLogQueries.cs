using Gatehouse.Data;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.DirectoryObjects.Logs;

/// <summary>A tenant's sign-in and audit log entries, newest first, as the management verbs list them.</summary>
internal sealed class ActivityLogQueries(GatehouseDb db)
{
    /// <param name="appId">Only the sign-ins of this client application.</param>
    public async Task<IReadOnlyList<SignInLogEntry>> SignInsAsync(Guid tenantId, DateTimeOffset? since, string? appId, int top, CancellationToken cancellationToken)
    {
        var entries = db.SignInLogs.AsNoTracking().Where(e => e.TenantId == tenantId);
        if (since is { } from)
        {
            entries = entries.Where(e => e.CreatedDateTime >= from);
        }

        if (appId is not null)
        {
            entries = entries.Where(e => e.AppId == appId);
        }

        return await entries.OrderByDescending(e => e.CreatedDateTime).ThenByDescending(e => e.Id).Take(top).ToListAsync(cancellationToken);
    }

    /// <param name="appId">Only the changes this application made, or made to <paramref name="appObjectId"/>.</param>
    public async Task<IReadOnlyList<DirectoryAuditEntry>> AuditsAsync(
        Guid tenantId, DateTimeOffset? since, string? appId, string? appObjectId, int top, CancellationToken cancellationToken)
    {
        var entries = db.DirectoryAudits.AsNoTracking().Where(e => e.TenantId == tenantId);
        if (since is { } from)
        {
            entries = entries.Where(e => e.ActivityDateTime >= from);
        }

        if (appId is not null)
        {
            entries = entries.Where(e => e.InitiatorAppId == appId || e.TargetId == appObjectId);
        }

        return await entries.OrderByDescending(e => e.ActivityDateTime).ThenByDescending(e => e.Id).Take(top).ToListAsync(cancellationToken);
    }
}
