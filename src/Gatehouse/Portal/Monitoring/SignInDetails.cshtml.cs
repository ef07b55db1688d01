using Gatehouse.DirectoryObjects.Logs;

namespace Gatehouse.Portal.Monitoring;

/// <summary>One sign-in's details: who, to what, from where, with which credential, and why it was refused.</summary>
internal sealed class SignInDetailsModel(PortalAccess access, TimeProvider clock, ActivityLogQueries logs) : ActivityLogEntryPage<SignInLogEntry>(access, clock)
{
    public override string Blade => "Sign-in logs";

    protected override string Heading => "Sign-in details";

    protected override Task<SignInLogEntry?> FindAsync(Guid tenantId, Guid id, CancellationToken cancellationToken) => logs.SignInAsync(tenantId, id, cancellationToken);
}
