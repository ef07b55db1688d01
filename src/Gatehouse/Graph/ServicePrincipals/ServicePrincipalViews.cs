using Gatehouse.Data;
using Gatehouse.DirectoryObjects.Permissions;
using Gatehouse.DirectoryObjects.Permissions.FirstParty;
using Gatehouse.DirectoryObjects.ServicePrincipals;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Graph.ServicePrincipals;

/// <summary>Pairs service principals with their applications: one query for a whole page.</summary>
internal sealed class ServicePrincipalViews(GatehouseDb db)
{
    public async Task<IReadOnlyList<ServicePrincipalView>> OfAsync(IReadOnlyList<ServicePrincipal> principals, CancellationToken cancellationToken)
    {
        var appIds = principals.Select(p => p.AppId).Distinct().ToList();
        var applications = await db.Applications.AsNoTracking().Where(a => appIds.Contains(a.AppId)).ToDictionaryAsync(a => a.AppId, cancellationToken);
        return [.. principals.Select(p =>
        {
            var application = applications.GetValueOrDefault(p.AppId);
            var definition = FirstPartyApis.FindByAppId(p.AppId) is { } firstParty ? ApiResources.From(firstParty)
                : application is null ? null : ApiResources.From(application);
            return ServicePrincipalView.Of(p, application, definition);
        })];
    }
}
