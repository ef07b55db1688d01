using Gatehouse.Connectors.Instances;
using Gatehouse.Connectors.Providers;
using Gatehouse.Connectors.Vault;
using Gatehouse.Data;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Portal.Connectors;

/// <summary>
/// The hub's instances a directory's administrators see: those that authenticate with one of the directory's app
/// registrations (oauth.api.key is its Application (client) ID), whichever hub organization made them.
/// </summary>
internal sealed class ConnectorInstanceList(GatehouseDb db, ConnectorCatalog catalog, InstanceVault vault, TimeProvider clock)
{
    public async Task<IReadOnlyList<ConnectorInstanceRow>> ListAsync(Guid tenantId, CancellationToken cancellationToken) =>
        await RowsAsync(tenantId, db.HubInstances.AsNoTracking().OrderBy(i => i.Name).ThenBy(i => i.Id), cancellationToken);

    public async Task<ConnectorInstanceRow?> FindAsync(Guid tenantId, long id, CancellationToken cancellationToken) =>
        (await RowsAsync(tenantId, db.HubInstances.AsNoTracking().Where(i => i.Id == id), cancellationToken)).SingleOrDefault();

    private async Task<IReadOnlyList<ConnectorInstanceRow>> RowsAsync(Guid tenantId, IQueryable<HubInstance> query, CancellationToken cancellationToken)
    {
        var instances = await query.ToListAsync(cancellationToken);
        var appIds = instances.Select(i => Guid.TryParse(i.ApiKey, out var appId) ? appId : Guid.Empty).Where(id => id != Guid.Empty).Distinct().ToList();
        var apps = await db.Applications.AsNoTracking().Include(a => a.PasswordCredentials)
            .Where(a => a.TenantId == tenantId && a.DeletedDateTime == null && appIds.Contains(a.AppId))
            .ToDictionaryAsync(a => a.AppId, cancellationToken);
        var now = clock.GetUtcNow();
        var rows = new List<ConnectorInstanceRow>();
        foreach (var instance in instances)
        {
            if (!Guid.TryParse(instance.ApiKey, out var appId) || !apps.TryGetValue(appId, out var app))
            {
                continue;
            }

            var (expires, source) = instance.ApiSecretExpiresDateTime is { } stated
                ? (stated, instance.ApiSecretExpirySource)
                : (SecretEnd(app.PasswordCredentials.Select(c => (c.Hint, c.EndDateTime)), vault.Unprotect(instance.ProtectedApiSecret)), "app registration");
            rows.Add(new ConnectorInstanceRow(
                instance, catalog.Find(instance.ElementKey)?.Name ?? instance.ElementKey, InstanceState.Of(instance, now),
                app.Id, app.DisplayName, expires, expires is null ? null : source));
        }

        return rows;
    }

    /// <summary>The end of the app's secret whose hint (first three characters) the instance's secret starts with; the earlier of two.</summary>
    private static DateTimeOffset? SecretEnd(IEnumerable<(string Hint, DateTimeOffset End)> secrets, string? secret) =>
        secret is null ? null : secrets.Where(s => s.Hint.Length > 0 && secret.StartsWith(s.Hint, StringComparison.Ordinal)).Select(s => (DateTimeOffset?)s.End).Min();
}
