using System.Diagnostics;
using Gatehouse.Connectors.Instances;
using Gatehouse.Connectors.Organizations;

namespace Gatehouse.Connectors.Api;

/// <summary>
/// `Authorization: User &lt;user secret&gt;, Organization &lt;organization secret&gt;[, Element &lt;instance token&gt;]`
/// (docs/protocol/connectors.md §2). Platform calls need the user and the organization; calls through an instance need the
/// user and the instance token, and an organization, when given, must be the instance's. What it decided stays with the
/// request, for the hub's endpoint filter to answer a refusal and for the request's Activity.
/// </summary>
internal sealed class HubAuthentication(HubAccounts accounts, HubInstances instances)
{
    private const string AdmissionKey = "Gatehouse.Connectors.Admission";

    public async Task<Outcome<HubCaller, HubError>> AuthenticatePlatformAsync(HttpContext context)
    {
        var parts = Parse(context.Request.Headers.Authorization.ToString());
        var user = parts is null ? null : await UserAsync(parts, organizationRequired: true, context.RequestAborted);
        return Remember<HubCaller>(context, user is null ? HubError.Unauthorized() : new HubCaller(user.OrganizationId, user.Id));
    }

    public async Task<Outcome<InstanceCaller, HubError>> AuthenticateInstanceAsync(HttpContext context)
    {
        var parts = Parse(context.Request.Headers.Authorization.ToString());
        if (parts is null || await UserAsync(parts, organizationRequired: false, context.RequestAborted) is not { } user)
        {
            return Remember<InstanceCaller>(context, HubError.Unauthorized());
        }

        var instance = parts.TryGetValue("Element", out var instanceToken) ? await instances.FindByTokenAsync(instanceToken, context.RequestAborted) : null;
        return Remember<InstanceCaller>(context, instance is null || instance.OrganizationId != user.OrganizationId
            ? HubError.Unauthorized()
            : new InstanceCaller(new HubCaller(user.OrganizationId, user.Id), instance));
    }

    /// <summary>The refusal an endpoint's caller met, if it met one.</summary>
    public static HubError? Refusal(HttpContext context) => context.Items[AdmissionKey] as HubError;

    /// <summary>Tags a request's Activity with the calling organization and, through an instance, the instance.</summary>
    public static void TagCaller(HttpContext context, Activity activity)
    {
        switch (context.Items[AdmissionKey])
        {
            case HubCaller caller:
                activity.SetTag("gatehouse.hub.organization", caller.OrganizationId);
                break;
            case InstanceCaller through:
                activity.SetTag("gatehouse.hub.organization", through.Caller.OrganizationId);
                activity.SetTag("gatehouse.hub.instance", through.Instance.Id);
                break;
        }
    }

    private static Outcome<T, HubError> Remember<T>(HttpContext context, Outcome<T, HubError> admission)
    {
        context.Items[AdmissionKey] = admission.Succeeded ? admission.Value : admission.Error;
        return admission;
    }

    /// <summary>The user the User secret names, when the Organization secret (required for platform calls) is their organization's.</summary>
    private async Task<HubUser?> UserAsync(Dictionary<string, string> parts, bool organizationRequired, CancellationToken cancellationToken)
    {
        if (!parts.TryGetValue("User", out var userSecret) || await accounts.FindUserAsync(userSecret, cancellationToken) is not { } user)
        {
            return null;
        }

        if (parts.TryGetValue("Organization", out var organizationSecret))
        {
            var organization = await accounts.FindOrganizationAsync(organizationSecret, cancellationToken);
            return organization is not null && organization.Id == user.OrganizationId ? user : null;
        }

        return organizationRequired ? null : user;
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
