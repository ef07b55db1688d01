namespace Gatehouse.Connectors.Providers;

/// <summary>
/// Dynamics 365: the Dataverse Web API of one organisation (dynamics.tenant), whose URL is also the resource its
/// tokens are for: {org}/.default app-only (an application user), {org}/user_impersonation delegated
/// (docs/protocol/graph-dataverse.md §1.3, §6).
/// </summary>
internal static class Dynamics365Connector
{
    public const string Key = "dynamics365";
    public const string WebApiPath = "api/data/v9.2/";

    public static Connector Create(HubSettings settings) => new(
        Key,
        "Dynamics 365",
        "The Dataverse Web API of a Dynamics 365 organisation: accounts, contacts, leads and opportunities.",
        settings.Authority,
        settings.DefaultTenant,
        [
            .. ConfigurationKeys.MicrosoftOAuth,
            new(ConfigurationKeys.OrganizationUrl, "Organization URL", "The organisation's address, for example contoso.crm.dynamics.com or https://contoso.crm.dynamics.com.", Required: true),
        ],
        [
            new("accounts", "accounts", ItemPath: "accounts({key})", Filters: true),
            new("contacts", "contacts", ItemPath: "contacts({key})", Filters: true),
            new("leads", "leads", ItemPath: "leads({key})", Filters: true),
            new("opportunities", "opportunities", ItemPath: "opportunities({key})", Filters: true),
        ],
        organization => organization is null ? null : new ProviderApi(
            organization,
            new Uri(settings.DataverseUrl ?? new Uri(organization + "/"), WebApiPath),
            $"openid offline_access {organization}/user_impersonation"),
        ConfigurationKeys.OrganizationUrl,
        ProviderDialect.Dataverse);

}
