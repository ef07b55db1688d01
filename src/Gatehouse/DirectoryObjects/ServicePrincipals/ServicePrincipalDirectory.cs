using Gatehouse.Data;
using Gatehouse.DirectoryObjects.Applications;
using Gatehouse.DirectoryObjects.Permissions.FirstParty;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.DirectoryObjects.ServicePrincipals;

/// <summary>Provisions and finds service principals.</summary>
internal sealed class ServicePrincipalDirectory(GatehouseDb db, TimeProvider clock)
{
    /// <summary>Adds Microsoft Graph, the other first-party APIs and the first-party clients to a new tenant (saved with the tenant).</summary>
    public void AddFirstPartyServicePrincipals(Guid tenantId)
    {
        var now = clock.StoreNow();
        foreach (var firstParty in FirstPartyClients.ServicePrincipals)
        {
            AddFirstParty(tenantId, firstParty, now);
        }
    }

    /// <summary>
    /// Gives every tenant the first-party service principals it lacks: a store made before an API or client joined the catalogue
    /// gets it at the next start. Returns how many were added.
    /// </summary>
    public async Task<int> AddMissingFirstPartyServicePrincipalsAsync(CancellationToken cancellationToken)
    {
        var appIds = FirstPartyClients.ServicePrincipals.Select(sp => sp.AppId).ToList();
        var present = (await db.ServicePrincipals.AsNoTracking().Where(sp => appIds.Contains(sp.AppId))
            .Select(sp => new { sp.TenantId, sp.AppId }).ToListAsync(cancellationToken))
            .Select(sp => (sp.TenantId, sp.AppId)).ToHashSet();
        var tenantIds = await db.Tenants.AsNoTracking().Select(t => t.Id).ToListAsync(cancellationToken);
        var missing = tenantIds.SelectMany(tenantId => FirstPartyClients.ServicePrincipals.Select(firstParty => (TenantId: tenantId, FirstParty: firstParty)))
            .Where(pair => !present.Contains((pair.TenantId, pair.FirstParty.AppId)))
            .ToList();
        if (missing.Count == 0)
        {
            return 0;
        }

        var now = clock.StoreNow();
        foreach (var (tenantId, firstParty) in missing)
        {
            AddFirstParty(tenantId, firstParty, now);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return missing.Count;
        }
        catch (DbUpdateException)
        {
            // Another node starting at the same moment added them first; the unique (tenant, appId) index kept one each.
            db.ChangeTracker.Clear();
            return 0;
        }
    }

    private void AddFirstParty(Guid tenantId, (Guid AppId, string DisplayName) firstParty, DateTimeOffset now) =>
        db.ServicePrincipals.Add(ServicePrincipal.Create(tenantId, firstParty.AppId, firstParty.DisplayName, FirstPartyApi.MicrosoftServicesTenantId, now));

    /// <summary>The app's service principal in a tenant, added (unsaved) when there is none yet.</summary>
    public async Task<ServicePrincipal> EnsureForApplicationAsync(Guid tenantId, Application application, CancellationToken cancellationToken)
    {
        var existing = await FindByAppIdAsync(tenantId, application.AppId, cancellationToken);
        if (existing is not null)
        {
            return existing;
        }

        var servicePrincipal = ServicePrincipal.Create(tenantId, application.AppId, application.DisplayName, application.TenantId, clock.StoreNow());
        db.ServicePrincipals.Add(servicePrincipal);
        return servicePrincipal;
    }

    public Task<ServicePrincipal?> FindByAppIdAsync(Guid tenantId, Guid appId, CancellationToken cancellationToken) =>
        db.ServicePrincipals.FirstOrDefaultAsync(sp => sp.TenantId == tenantId && sp.AppId == appId, cancellationToken);

    public Task<ServicePrincipal?> FindAsync(Guid tenantId, Guid id, CancellationToken cancellationToken) =>
        db.ServicePrincipals.FirstOrDefaultAsync(sp => sp.TenantId == tenantId && sp.Id == id, cancellationToken);

    /// <summary>
    /// Instantiates an app in a tenant: an app of the tenant, or a multi-tenant app registered elsewhere. Each app has
    /// at most one service principal per tenant.
    /// </summary>
    public async Task<Outcome<ServicePrincipal, DirectoryError>> CreateAsync(Guid tenantId, Guid appId, CancellationToken cancellationToken)
    {
        var application = await db.Applications.FirstOrDefaultAsync(
            a => a.AppId == appId && (a.TenantId == tenantId || a.SignInAudience != Application.SingleTenant), cancellationToken);
        if (application is null)
        {
            return DirectoryError.NotFound($"No application with appId '{appId}' is visible to this tenant.");
        }

        if (await FindByAppIdAsync(tenantId, appId, cancellationToken) is not null)
        {
            return DirectoryError.Conflict($"The service principal name {appId} is already in use.");
        }

        var servicePrincipal = await EnsureForApplicationAsync(tenantId, application, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return servicePrincipal;
    }

    /// <summary>Enabled or not (a disabled principal gets no tokens), and whether users need an assignment to sign in.</summary>
    public async Task<Outcome<ServicePrincipal, DirectoryError>> UpdateAsync(ServicePrincipal servicePrincipal, ServicePrincipalChanges changes, CancellationToken cancellationToken)
    {
        if (changes.DisplayName is { } name && (name.Trim().Length == 0 || name.Trim().Length > ApplicationRegistrations.MaximumDisplayNameLength))
        {
            return DirectoryError.Invalid($"displayName must be 1 to {ApplicationRegistrations.MaximumDisplayNameLength} characters.");
        }

        if (changes.Notes is { Length: > ApplicationRegistrations.MaximumNotesLength })
        {
            return DirectoryError.Invalid($"notes must be at most {ApplicationRegistrations.MaximumNotesLength} characters.");
        }

        servicePrincipal.Notes = changes.ClearNotes ? null : changes.Notes ?? servicePrincipal.Notes;
        servicePrincipal.DisplayName = changes.DisplayName?.Trim() ?? servicePrincipal.DisplayName;
        servicePrincipal.AccountEnabled = changes.AccountEnabled ?? servicePrincipal.AccountEnabled;
        servicePrincipal.AppRoleAssignmentRequired = changes.AppRoleAssignmentRequired ?? servicePrincipal.AppRoleAssignmentRequired;
        await db.SaveChangesAsync(cancellationToken);
        return servicePrincipal;
    }

    /// <summary>
    /// Removes the app's instance from the tenant with the permissions granted to it and on it; the app registration
    /// stays. The first-party APIs and clients every tenant relies on cannot be removed.
    /// </summary>
    public async Task<Outcome<ServicePrincipal, DirectoryError>> DeleteAsync(ServicePrincipal servicePrincipal, CancellationToken cancellationToken)
    {
        if (FirstPartyClients.IsFirstParty(servicePrincipal.AppId))
        {
            return DirectoryError.Policy($"{servicePrincipal.DisplayName} is a Microsoft application that every tenant keeps; it cannot be deleted.");
        }

        var id = servicePrincipal.Id;
        await db.AppRoleAssignments.Where(a => a.PrincipalId == id || a.ResourceId == id).ExecuteDeleteAsync(cancellationToken);
        await db.OAuth2PermissionGrants.Where(g => g.ClientId == id || g.ResourceId == id).ExecuteDeleteAsync(cancellationToken);
        db.ServicePrincipals.Remove(servicePrincipal);
        await db.SaveChangesAsync(cancellationToken);
        return servicePrincipal;
    }
}

/// <summary>What PATCH /servicePrincipals/{id} may change; null leaves a property as it is.</summary>
/// <summary>What a service principal update changes: a property left null is kept; <see cref="ClearNotes"/> empties the notes.</summary>
internal sealed record ServicePrincipalChanges(
    string? DisplayName, bool? AccountEnabled, bool? AppRoleAssignmentRequired, string? Notes = null, bool ClearNotes = false);
