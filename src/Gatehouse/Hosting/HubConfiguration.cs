using Gatehouse.Connectors;

namespace Gatehouse.Hosting;

/// <summary>The connector hub's settings from the operator's options.</summary>
internal static class HubConfiguration
{
    public static HubSettings Settings(GatehouseOptions options)
    {
        var self = options.PublicUrlOrDefault;
        return new HubSettings(
            WithSlash(options.HubAuthority ?? self),
            WithSlash(options.HubGraphUrl ?? self),
            options.HubDataverseUrl == GatehouseOptions.EachOrganization ? null : WithSlash(options.HubDataverseUrl ?? self),
            // Sign-in at /common and /organizations is Entra's, not yet this server's: ask this server for its default tenant.
            options.HubAuthority is null ? options.TenantId.ToString() : "organizations",
            options.HubRefreshAhead,
            options.HubRefreshPoll,
            options.HubSecretExpiryWindow);
    }

    private static Uri WithSlash(string url) => new(url.EndsWith('/') ? url : url + "/");
}
