using Gatehouse.Connectors.Instances;
using Gatehouse.Connectors.Organizations;

namespace Gatehouse.Connectors.Api;

/// <summary>
/// `Authorization: User &lt;user secret&gt;, Organization &lt;organization secret&gt;[, Element &lt;instance token&gt;]`
/// (reference/connectors.md). Platform calls need the user and the organization; calls through an instance need the
/// user and the instance token, and an organization, when given, must be the instance's.
/// </summary>
internal sealed class HubAuthentication(HubAccounts accounts, HubInstances instances)
{
    public async Task<(HubCaller? Caller, HubError? Error)> AuthenticateAsync(HttpContext context, bool throughInstance)
    {
        var cancellationToken = context.RequestAborted;
        var parts = Parse(context.Request.Headers.Authorization.ToString());
        if (parts is null || !parts.TryGetValue("User", out var userSecret))
        {
            return (null, HubError.Unauthorized());
        }

        var user = await accounts.FindUserAsync(userSecret, cancellationToken);
        if (user is null)
        {
            return (null, HubError.Unauthorized());
        }

        if (parts.TryGetValue("Organization", out var organizationSecret))
        {
            var organization = await accounts.FindOrganizationAsync(organizationSecret, cancellationToken);
            if (organization is null || organization.Id != user.OrganizationId)
            {
                return (null, HubError.Unauthorized());
            }
        }
        else if (!throughInstance)
        {
            return (null, HubError.Unauthorized());
        }

        if (!throughInstance)
        {
            return (new HubCaller(user.OrganizationId, user.Id, null), null);
        }

        HubInstance? instance = null;
        if (parts.TryGetValue("Element", out var instanceToken))
        {
            instance = await instances.FindByTokenAsync(instanceToken, cancellationToken);
        }

        return instance is null || instance.OrganizationId != user.OrganizationId
            ? (null, HubError.Unauthorized())
            : (new HubCaller(user.OrganizationId, user.Id, instance), null);
    }

    /// <summary>The header's comma-separated "Kind value" pairs, or null when it is not of that form.</summary>
    private static Dictionary<string, string>? Parse(string header)
    {
        var parts = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in header.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var space = part.IndexOf(' ', StringComparison.Ordinal);
            if (space <= 0 || !parts.TryAdd(part[..space], part[(space + 1)..].Trim()))
            {
                return null;
            }
        }

        return parts.Count == 0 ? null : parts;
    }
}
