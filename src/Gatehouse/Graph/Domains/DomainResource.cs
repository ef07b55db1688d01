using Gatehouse.DirectoryObjects.Tenants;

namespace Gatehouse.Graph.Domains;

/// <summary>The domain resource (docs/protocol/graph-dataverse.md §2.7): its id is the domain name.</summary>
internal static class DomainResource
{
    private static readonly string[] Services = ["Email", "OfficeCommunicationsOnline"];

    public static GraphShape<TenantDomain> Shape { get; } = new GraphShape<TenantDomain>("domain")
        .Add("id", d => d.Name)
        .Add("authenticationType", _ => "Managed")
        .Add("availabilityStatus", _ => null)
        .Add("isAdminManaged", _ => true)
        .Add("isDefault", d => d.IsDefault)
        .Add("isInitial", d => d.IsInitial)
        .Add("isRoot", _ => true)
        .Add("isVerified", d => d.IsVerified)
        .Add("passwordNotificationWindowInDays", _ => null)
        .Add("passwordValidityPeriodInDays", _ => null)
        .Add("supportedServices", d => d.IsVerified ? Services : [])
        .Add("state", _ => null);
}
