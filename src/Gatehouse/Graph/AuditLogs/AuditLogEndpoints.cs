using Gatehouse.Data;
using Microsoft.EntityFrameworkCore;
using static Gatehouse.Graph.GraphPermission;

namespace Gatehouse.Graph.AuditLogs;

/// <summary>
/// /auditLogs/signIns and /auditLogs/directoryAudits (docs/protocol/graph-dataverse.md §2.9): newest first, $filter,
/// $top and the nextLink's $skiptoken. Both need AuditLog.Read.All, and a signed-in user must be a Global Administrator.
/// </summary>
internal static class AuditLogEndpoints
{
    private static readonly GraphOperation Read = new([AuditLogReadAll], [AuditLogReadAll]);

    public static void MapAuditLogs(this RouteGroupBuilder graph)
    {
        graph.MapGet("/auditLogs/signIns", ListSignInsAsync).Requires(Read);
        graph.MapGet("/auditLogs/signIns/{id}", GetSignInAsync).Requires(Read);
        graph.MapGet("/auditLogs/directoryAudits", ListAuditsAsync).Requires(Read);
        graph.MapGet("/auditLogs/directoryAudits/{id}", GetAuditAsync).Requires(Read);
    }

    private static async Task<IResult> ListSignInsAsync(GraphRequest request, GatehouseDb db, AdministratorCheck administrators, CancellationToken cancellationToken) =>
        !await administrators.IsGlobalAdministratorOrAppAsync(request, cancellationToken) ? GraphErrors.AccessDenied()
        : await GraphQuery.ListItemsAsync(
            request, db.SignInLogs.AsNoTracking().Where(e => e.TenantId == request.TenantId), SignInResource.Query, SignInResource.Shape,
            "auditLogs/signIns", SignInResource.DefaultPageSize, SignInResource.NewestFirst, (e, select) => SignInResource.Shape.Write(e, select), cancellationToken);

    private static async Task<IResult> ListAuditsAsync(GraphRequest request, GatehouseDb db, AdministratorCheck administrators, CancellationToken cancellationToken) =>
        !await administrators.IsGlobalAdministratorOrAppAsync(request, cancellationToken) ? GraphErrors.AccessDenied()
        : await GraphQuery.ListItemsAsync(
            request, db.DirectoryAudits.AsNoTracking().Where(e => e.TenantId == request.TenantId), DirectoryAuditResource.Query, DirectoryAuditResource.Shape,
            "auditLogs/directoryAudits", DirectoryAuditResource.DefaultPageSize, DirectoryAuditResource.NewestFirst,
            (e, select) => DirectoryAuditResource.Shape.Write(e, select), cancellationToken);

    private static async Task<IResult> GetSignInAsync(
        string id, GraphRequest request, GatehouseDb db, AdministratorCheck administrators, CancellationToken cancellationToken)
    {
        if (!await administrators.IsGlobalAdministratorOrAppAsync(request, cancellationToken))
        {
            return GraphErrors.AccessDenied();
        }

        var entry = Guid.TryParse(id, out var entryId)
            ? await db.SignInLogs.AsNoTracking().FirstOrDefaultAsync(e => e.TenantId == request.TenantId && e.Id == entryId, cancellationToken)
            : null;
        return entry is null ? GraphErrors.NotFound(id) : await GraphQuery.EntityAsync(request, entry, SignInResource.Shape, "auditLogs/signIns", [], cancellationToken);
    }

    private static async Task<IResult> GetAuditAsync(
        string id, GraphRequest request, GatehouseDb db, AdministratorCheck administrators, CancellationToken cancellationToken)
    {
        if (!await administrators.IsGlobalAdministratorOrAppAsync(request, cancellationToken))
        {
            return GraphErrors.AccessDenied();
        }

        var entry = Guid.TryParse(id, out var entryId)
            ? await db.DirectoryAudits.AsNoTracking().FirstOrDefaultAsync(e => e.TenantId == request.TenantId && e.Id == entryId, cancellationToken)
            : null;
        return entry is null
            ? GraphErrors.NotFound(id)
            : await GraphQuery.EntityAsync(request, entry, DirectoryAuditResource.Shape, "auditLogs/directoryAudits", [], cancellationToken);
    }
}
