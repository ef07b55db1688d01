using Gatehouse.Data;
using Gatehouse.DirectoryObjects.Logs;
using Gatehouse.DirectoryObjects.ServicePrincipals;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.DirectoryObjects.Applications;

/// <summary>Registers, finds, deletes and restores applications.</summary>
internal sealed class ApplicationRegistrations(GatehouseDb db, TimeProvider clock, ServicePrincipalDirectory servicePrincipals)
{
    public const int MaximumDisplayNameLength = 120;

    /// <summary>Graph's limit on an application's or service principal's notes.</summary>
    public const int MaximumNotesLength = 1024;

    /// <summary>Deleted apps stay restorable this long, then are deleted for good (as Entra's recycle bin).</summary>
    public static readonly TimeSpan RestoreWindow = TimeSpan.FromDays(30);

    public Task<Outcome<Application, DirectoryError>> CreateAsync(Guid tenantId, NewApplication request, CancellationToken cancellationToken) =>
        CreateAsync(tenantId, request, configure: null, cancellationToken);

    /// <summary>
    /// Registers the app; <paramref name="configure"/> sets further properties on it first (Graph's POST /applications
    /// with a full body), and a problem it reports saves nothing.
    /// </summary>
    public async Task<Outcome<Application, DirectoryError>> CreateAsync(
        Guid tenantId, NewApplication request, Func<Application, Task<DirectoryError?>>? configure, CancellationToken cancellationToken)
    {
        var name = request.DisplayName.Trim();
        if (name.Length == 0)
        {
            return DirectoryError.Invalid("The application needs a name.");
        }

        if (name.Length > MaximumDisplayNameLength)
        {
            return DirectoryError.Invalid($"The name must be at most {MaximumDisplayNameLength} characters.");
        }

        if (!Application.SignInAudiences.Contains(request.SignInAudience))
        {
            return DirectoryError.Invalid(
                $"'{request.SignInAudience}' is not a supported account type; use one of {string.Join(", ", Application.SignInAudiences)}.");
        }

        var redirects = new[]
        {
            (RedirectPlatform.Web, request.WebRedirectUris ?? []),
            (RedirectPlatform.Spa, request.SpaRedirectUris ?? []),
            (RedirectPlatform.PublicClient, request.PublicClientRedirectUris ?? []),
        };
        foreach (var (platform, uris) in redirects)
        {
            if (uris.Select(uri => RedirectUriRules.Check(uri, platform)).FirstOrDefault(e => e is not null) is { } problem)
            {
                return DirectoryError.Invalid(problem);
            }
        }

        var application = new Application
        {
            Id = Guid.NewGuid(),
            AppId = Guid.NewGuid(),
            TenantId = tenantId,
            DisplayName = name,
            SignInAudience = request.SignInAudience,
            WebRedirectUris = [.. (request.WebRedirectUris ?? []).Distinct(StringComparer.Ordinal)],
            SpaRedirectUris = [.. (request.SpaRedirectUris ?? []).Distinct(StringComparer.Ordinal)],
            PublicClientRedirectUris = [.. (request.PublicClientRedirectUris ?? []).Distinct(StringComparer.Ordinal)],
            IsFallbackPublicClient = request.AllowPublicClientFlows,
            EnableIdTokenIssuance = request.EnableIdTokenIssuance,
            EnableAccessTokenIssuance = request.EnableAccessTokenIssuance,
            CreatedDateTime = clock.StoreNow(),
        };
        if (configure is not null && await configure(application) is { } refusal)
        {
            return refusal;
        }

        if (request.OwnerId is { } ownerId)
        {
            application.Owners.Add(new ApplicationOwner { ApplicationId = application.Id, OwnerId = ownerId, OwnerType = request.OwnerType });
        }

        db.Applications.Add(application);
        if (request.WithServicePrincipal)
        {
            await servicePrincipals.EnsureForApplicationAsync(tenantId, application, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return application;
    }

    /// <summary>
    /// Finds a live app of the tenant by Application (client) ID, object ID, or a display name that only one app has.
    /// Credentials and owners come with it.
    /// </summary>
    public async Task<Outcome<Application, DirectoryError>> FindAsync(Guid tenantId, string reference, CancellationToken cancellationToken)
    {
        var apps = WithDetails(db.Applications).Where(a => a.TenantId == tenantId);
        if (Guid.TryParse(reference, out var id))
        {
            var byId = await apps.FirstOrDefaultAsync(a => a.AppId == id || a.Id == id, cancellationToken);
            return byId is null ? DirectoryError.NotFound($"No application with ID {id} exists in this tenant.") : byId;
        }

        var named = await apps.Where(a => a.DisplayName == reference).Take(2).ToListAsync(cancellationToken);
        return named.Count switch
        {
            1 => named[0],
            0 => DirectoryError.NotFound($"No application named '{reference}' exists in this tenant."),
            _ => DirectoryError.Conflict($"More than one application is named '{reference}'; use its Application (client) ID."),
        };
    }

    /// <summary>The app of the tenant holding the client secret with this ID.</summary>
    public async Task<Outcome<Application, DirectoryError>> FindBySecretAsync(Guid tenantId, Guid keyId, CancellationToken cancellationToken) =>
        await WithDetails(db.Applications).FirstOrDefaultAsync(a => a.TenantId == tenantId && a.PasswordCredentials.Any(c => c.KeyId == keyId), cancellationToken) is { } app
            ? app
            : DirectoryError.NotFound($"No application of this tenant has a client secret with ID {keyId}.");

    public Task<List<Application>> ListAsync(Guid tenantId, CancellationToken cancellationToken, bool includeOwners = false)
    {
        IQueryable<Application> apps = includeOwners ? db.Applications.Include(a => a.Owners) : db.Applications;
        return apps.Where(a => a.TenantId == tenantId).OrderBy(a => a.DisplayName).ThenBy(a => a.Id).ToListAsync(cancellationToken);
    }

    /// <summary>Moves the app and its home service principal to deleted items.</summary>
    public async Task<Outcome<Application, DirectoryError>> DeleteAsync(Guid tenantId, string reference, CancellationToken cancellationToken)
    {
        var found = await FindAsync(tenantId, reference, cancellationToken);
        if (!found.Succeeded)
        {
            return found;
        }

        var application = found.Value;
        var now = clock.StoreNow();
        application.DeletedDateTime = now;
        if (await servicePrincipals.FindByAppIdAsync(tenantId, application.AppId, cancellationToken) is { } servicePrincipal)
        {
            servicePrincipal.DeletedDateTime = now;
        }

        await db.SaveChangesAsync(cancellationToken);
        return application;
    }

    public async Task<List<Application>> ListDeletedAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        await PurgeExpiredAsync(cancellationToken);
        return await db.Applications.IgnoreQueryFilters()
            .Where(a => a.TenantId == tenantId && a.DeletedDateTime != null)
            .OrderByDescending(a => a.DeletedDateTime)
            .ToListAsync(cancellationToken);
    }

    public async Task<Outcome<Application, DirectoryError>> RestoreAsync(Guid tenantId, Guid id, CancellationToken cancellationToken)
    {
        await PurgeExpiredAsync(cancellationToken);
        var application = await WithDetails(db.Applications.IgnoreQueryFilters())
            .FirstOrDefaultAsync(a => a.TenantId == tenantId && a.DeletedDateTime != null && (a.Id == id || a.AppId == id), cancellationToken);
        if (application is null)
        {
            return DirectoryError.NotFound($"No deleted application with ID {id} exists in this tenant.");
        }

        application.DeletedDateTime = null;
        var servicePrincipal = await db.ServicePrincipals.IgnoreQueryFilters()
            .FirstOrDefaultAsync(sp => sp.TenantId == tenantId && sp.AppId == application.AppId, cancellationToken);
        servicePrincipal?.DeletedDateTime = null;
        await db.SaveChangesAsync(cancellationToken);
        return application;
    }

    /// <summary>Deletes for good the apps (and their service principals and grants) deleted longer ago than the restore window.</summary>
    public async Task<int> PurgeExpiredAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.StoreNow() - RestoreWindow;
        var expired = await db.Applications.IgnoreQueryFilters()
            .Where(a => a.DeletedDateTime != null && a.DeletedDateTime < cutoff)
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        foreach (var app in expired)
        {
            await RemoveForGoodAsync(app, cancellationToken);
        }

        return expired.Count;
    }

    /// <summary>"Delete permanently" of a deleted app, before its restore window ends: the app, its service principals and their grants.</summary>
    public async Task<Outcome<Application, DirectoryError>> PurgeAsync(Guid tenantId, Guid id, CancellationToken cancellationToken)
    {
        var application = await db.Applications.IgnoreQueryFilters().AsNoTracking()
            .FirstOrDefaultAsync(a => a.TenantId == tenantId && a.DeletedDateTime != null && a.Id == id, cancellationToken);
        if (application is null)
        {
            return DirectoryError.NotFound($"No deleted application with ID {id} exists in this tenant.");
        }

        await RemoveForGoodAsync(application, cancellationToken);
        return application;
    }

    /// <summary>
    /// The rows go in bulk, past the change tracker and so past the audit interceptor: the one entry Entra writes for
    /// them, "Hard Delete application", is saved with them in one transaction.
    /// </summary>
    private async Task RemoveForGoodAsync(Application application, CancellationToken cancellationToken)
    {
        var (id, appId) = (application.Id, application.AppId);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var principalIds = db.ServicePrincipals.IgnoreQueryFilters().Where(sp => sp.AppId == appId).Select(sp => sp.Id);
        await db.AppRoleAssignments.Where(a => principalIds.Contains(a.PrincipalId) || principalIds.Contains(a.ResourceId)).ExecuteDeleteAsync(cancellationToken);
        await db.OAuth2PermissionGrants.Where(g => principalIds.Contains(g.ClientId) || principalIds.Contains(g.ResourceId)).ExecuteDeleteAsync(cancellationToken);
        await db.ServicePrincipals.IgnoreQueryFilters().Where(sp => sp.AppId == appId).ExecuteDeleteAsync(cancellationToken);
        await db.Applications.IgnoreQueryFilters().Where(a => a.Id == id).ExecuteDeleteAsync(cancellationToken);
        db.DirectoryAudits.Add(DirectoryAuditEntry.About(
            application.TenantId, "ApplicationManagement", ("Hard Delete application", "Delete"), "Application", id.ToString(), application.DisplayName, "[]"));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static IQueryable<Application> WithDetails(IQueryable<Application> applications) =>
        applications.Include(a => a.PasswordCredentials).Include(a => a.KeyCredentials).Include(a => a.Owners);
}
