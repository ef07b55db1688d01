using Gatehouse.Data;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.DirectoryObjects.Logs;

/// <summary>A tenant's sign-in and audit log entries, newest first, as the management verbs and the portal list them.</summary>
internal sealed class ActivityLogQueries(GatehouseDb db)
{
    /// <summary>One page of the sign-ins that meet <paramref name="criteria"/>, newest first.</summary>
    public Task<IReadOnlyList<SignInLogEntry>> SignInsAsync(Guid tenantId, SignInCriteria criteria, int skip, int take, CancellationToken cancellationToken) =>
        PageAsync(SignIns(tenantId, criteria), skip, take, cancellationToken);

    /// <summary>One page of the directory changes that meet <paramref name="criteria"/>, newest first.</summary>
    public Task<IReadOnlyList<DirectoryAuditEntry>> AuditsAsync(Guid tenantId, AuditCriteria criteria, int skip, int take, CancellationToken cancellationToken) =>
        PageAsync(Audits(tenantId, criteria), skip, take, cancellationToken);

    public Task<SignInLogEntry?> SignInAsync(Guid tenantId, Guid id, CancellationToken cancellationToken) =>
        db.SignInLogs.AsNoTracking().FirstOrDefaultAsync(e => e.TenantId == tenantId && e.Id == id, cancellationToken);

    public Task<DirectoryAuditEntry?> AuditAsync(Guid tenantId, Guid id, CancellationToken cancellationToken) =>
        db.DirectoryAudits.AsNoTracking().FirstOrDefaultAsync(e => e.TenantId == tenantId && e.Id == id, cancellationToken);

    /// <summary>The categories and activity names the tenant's audit log holds, for a filter's choices.</summary>
    public async Task<(IReadOnlyList<string> Categories, IReadOnlyList<string> Activities)> AuditChoicesAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        var pairs = await db.DirectoryAudits.AsNoTracking().Where(e => e.TenantId == tenantId)
            .Select(e => new { e.Category, e.ActivityDisplayName }).Distinct().ToListAsync(cancellationToken);
        return ([.. pairs.Select(p => p.Category).Distinct().Order(StringComparer.Ordinal)],
            [.. pairs.Select(p => p.ActivityDisplayName).Distinct().Order(StringComparer.Ordinal)]);
    }

    private IOrderedQueryable<SignInLogEntry> SignIns(Guid tenantId, SignInCriteria criteria)
    {
        var entries = db.SignInLogs.AsNoTracking().Where(e => e.TenantId == tenantId);
        if (criteria.Since is { } from)
        {
            entries = entries.Where(e => e.CreatedDateTime >= from);
        }

        if (criteria.Until is { } until)
        {
            entries = entries.Where(e => e.CreatedDateTime < until);
        }

        if (criteria.AppId is { } appId)
        {
            entries = entries.Where(e => e.AppId == appId);
        }

        if (criteria.App is { Length: > 0 } app)
        {
            entries = entries.Where(e => e.AppId == app || e.AppDisplayName!.StartsWith(app));
        }

        if (criteria.User is { Length: > 0 } user)
        {
            var upn = user.ToUpperInvariant();
            entries = Guid.TryParse(user, out var userId)
                ? entries.Where(e => e.UserId == userId)
                : entries.Where(e => e.NormalizedUserPrincipalName!.StartsWith(upn) || e.UserDisplayName!.StartsWith(user));
        }

        if (criteria.Succeeded is { } succeeded)
        {
            entries = succeeded ? entries.Where(e => e.ErrorCode == 0) : entries.Where(e => e.ErrorCode != 0);
        }

        return entries.OrderByDescending(e => e.CreatedDateTime).ThenByDescending(e => e.Id);
    }

    private IOrderedQueryable<DirectoryAuditEntry> Audits(Guid tenantId, AuditCriteria criteria)
    {
        var entries = db.DirectoryAudits.AsNoTracking().Where(e => e.TenantId == tenantId);
        if (criteria.Since is { } from)
        {
            entries = entries.Where(e => e.ActivityDateTime >= from);
        }

        if (criteria.Until is { } until)
        {
            entries = entries.Where(e => e.ActivityDateTime < until);
        }

        if (criteria.AppId is not null)
        {
            entries = entries.Where(e => e.InitiatorAppId == criteria.AppId || e.TargetId == criteria.AppObjectId);
        }

        if (criteria.InitiatedBy is { Length: > 0 } initiator)
        {
            entries = entries.Where(e => e.InitiatorUserPrincipalName!.StartsWith(initiator) || e.InitiatorDisplayName!.StartsWith(initiator));
        }

        if (criteria.Category is { Length: > 0 } category)
        {
            entries = entries.Where(e => e.Category == category);
        }

        if (criteria.Activity is { Length: > 0 } activity)
        {
            entries = entries.Where(e => e.ActivityDisplayName == activity);
        }

        if (criteria.Target is { Length: > 0 } target)
        {
            entries = entries.Where(e => e.TargetDisplayName!.StartsWith(target) || e.TargetUserPrincipalName!.StartsWith(target) || e.TargetId == target);
        }

        return entries.OrderByDescending(e => e.ActivityDateTime).ThenByDescending(e => e.Id);
    }

    private static async Task<IReadOnlyList<T>> PageAsync<T>(IOrderedQueryable<T> entries, int skip, int take, CancellationToken cancellationToken) =>
        await entries.Skip(skip).Take(take).ToListAsync(cancellationToken);
}

/// <summary>Which sign-ins to list; every criterion left null lets all through.</summary>
internal sealed record SignInCriteria
{
    public DateTimeOffset? Since { get; init; }

    /// <summary>Entries before this moment only.</summary>
    public DateTimeOffset? Until { get; init; }

    /// <summary>The client's application ID, exactly.</summary>
    public string? AppId { get; init; }

    /// <summary>The client's application ID, or the start of its display name.</summary>
    public string? App { get; init; }

    /// <summary>The start of the user principal name (any case) or display name, or the user's object ID.</summary>
    public string? User { get; init; }

    /// <summary>True: successful sign-ins only; false: refused ones only.</summary>
    public bool? Succeeded { get; init; }
}

/// <summary>Which directory changes to list; every criterion left null lets all through.</summary>
internal sealed record AuditCriteria
{
    public DateTimeOffset? Since { get; init; }

    /// <summary>Entries before this moment only.</summary>
    public DateTimeOffset? Until { get; init; }

    /// <summary>Changes this application made, or made to <see cref="AppObjectId"/>.</summary>
    public string? AppId { get; init; }

    public string? AppObjectId { get; init; }

    /// <summary>The start of the initiator's user principal name or display name.</summary>
    public string? InitiatedBy { get; init; }

    public string? Category { get; init; }

    public string? Activity { get; init; }

    /// <summary>The start of the target's display name or user principal name, or its object ID.</summary>
    public string? Target { get; init; }
}
