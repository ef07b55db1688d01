using Gatehouse.Data;
using Gatehouse.DirectoryObjects.Applications;
using Gatehouse.DirectoryObjects.Permissions.FirstParty;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.DirectoryObjects.ServicePrincipals;

/// <summary>Provisions and finds service principals.</summary>
internal sealed class ServicePrincipalDirectory(GatehouseDb db, TimeProvider clock)
{
    /// <summary>Adds Microsoft Graph and the other first-party APIs to a new tenant (saved with the tenant).</summary>
    public void AddFirstPartyServicePrincipals(Guid tenantId)
    {
        var now = clock.StoreNow();
        foreach (var api in FirstPartyApis.All)
        {
            db.ServicePrincipals.Add(new ServicePrincipal
            {
                Id = Guid.NewGuid(),
                TenantId = tenantId,
                AppId = api.AppId,
                DisplayName = api.DisplayName,
                AppOwnerOrganizationId = FirstPartyApi.MicrosoftServicesTenantId,
                CreatedDateTime = now,
            });
        }
    }

    /// <summary>The app's service principal in a tenant, added (unsaved) when there is none yet.</summary>
    public async Task<ServicePrincipal> EnsureForApplicationAsync(Guid tenantId, Application application, CancellationToken cancellationToken)
    {
        var existing = await FindByAppIdAsync(tenantId, application.AppId, cancellationToken);
        if (existing is not null)
        {
            return existing;
        }

        var servicePrincipal = new ServicePrincipal
        {
            Id = Guid.NewGuid(),
            TenantId = tenantId,
            AppId = application.AppId,
            DisplayName = application.DisplayName,
            AppOwnerOrganizationId = application.TenantId,
            CreatedDateTime = clock.StoreNow(),
        };
        db.ServicePrincipals.Add(servicePrincipal);
        return servicePrincipal;
    }

    public Task<ServicePrincipal?> FindByAppIdAsync(Guid tenantId, Guid appId, CancellationToken cancellationToken) =>
        db.ServicePrincipals.FirstOrDefaultAsync(sp => sp.TenantId == tenantId && sp.AppId == appId, cancellationToken);
}
