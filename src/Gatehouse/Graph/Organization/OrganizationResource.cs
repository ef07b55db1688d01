using System.Text.Json.Nodes;
using Gatehouse.DirectoryObjects.Tenants;

namespace Gatehouse.Graph.Organization;

/// <summary>The organization resource: a tenant as Graph describes it, with its verified domains.</summary>
internal static class OrganizationResource
{
    public static GraphShape<Tenant> Shape { get; } = new GraphShape<Tenant>("organization")
        .Add("id", t => t.Id)
        .Add("deletedDateTime", _ => null)
        .Add("businessPhones", _ => Array.Empty<string>())
        .Add("city", _ => null)
        .Add("country", _ => null)
        .Add("countryLetterCode", _ => null)
        .Add("createdDateTime", t => t.CreatedDateTime)
        .Add("displayName", t => t.DisplayName)
        .Add("onPremisesSyncEnabled", _ => null)
        .Add("postalCode", _ => null)
        .Add("preferredLanguage", _ => null)
        .Add("state", _ => null)
        .Add("street", _ => null)
        .Add("technicalNotificationMails", _ => Array.Empty<string>())
        .Add("tenantType", _ => "AAD")
        .Add("assignedPlans", _ => Array.Empty<string>())
        .Add("provisionedPlans", _ => Array.Empty<string>())
        .Add("verifiedDomains", t => new JsonArray([.. t.Domains.Where(d => d.IsVerified).OrderBy(d => d.Name).Select(d => (JsonNode)new JsonObject
        {
            ["capabilities"] = "Email, OfficeCommunicationsOnline",
            ["isDefault"] = d.IsDefault,
            ["isInitial"] = d.IsInitial,
            ["name"] = d.Name,
            ["type"] = "Managed",
        })]));
}
