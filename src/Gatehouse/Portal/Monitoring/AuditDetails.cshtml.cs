using Gatehouse.DirectoryObjects.Logs;

namespace Gatehouse.Portal.Monitoring;

/// <summary>One directory change's details: the activity, who initiated it, its target and the properties it changed, old and new.</summary>
internal sealed class AuditDetailsModel(PortalAccess access, TimeProvider clock, ActivityLogQueries logs) : ActivityLogEntryPage<DirectoryAuditEntry>(access, clock)
{
    public override string Blade => "Audit logs";

    protected override string Heading => "Audit log details";

    protected override Task<DirectoryAuditEntry?> FindAsync(Guid tenantId, Guid id, CancellationToken cancellationToken) => logs.AuditAsync(tenantId, id, cancellationToken);
}
