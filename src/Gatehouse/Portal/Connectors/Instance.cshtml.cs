using Gatehouse.Connectors.Events;
using Gatehouse.Connectors.Instances;
using Gatehouse.Connectors.Providers;
using Gatehouse.DirectoryObjects.Roles;
using Microsoft.AspNetCore.Mvc;

namespace Gatehouse.Portal.Connectors;

/// <summary>
/// One instance: its credentials' health, the events sent for it, and the hub's own actions on it (disable, enable,
/// re-authenticate), each answered by a redirect back here.
/// </summary>
internal sealed class InstanceModel(DirectoryRoleAssignments roles, ConnectorInstanceList instances, HubInstances hub, ConnectorCatalog catalog, TimeProvider clock)
    : ConnectorsPage(roles)
{
    [BindProperty(SupportsGet = true)]
    public long Id { get; set; }

    public ConnectorInstanceRow Row { get; private set; } = null!;

    public IReadOnlyList<HubEventDelivery> Deliveries { get; private set; } = [];

    /// <summary>For an instance a user signed in to: where that user signs in again; the code goes to the instance's callback URL.</summary>
    public string? SignInUrl { get; private set; }

    public bool AppOnly => Row.Instance.GrantType == InstanceGrant.ClientCredentials;

    public string Band => Row.SecretExpires is { } end ? ExpiryTimeline.BandOf(end - clock.GetUtcNow()) : "unknown";

    public async Task<IActionResult> OnGetAsync()
    {
        if (await OpenAsync() is { } refused)
        {
            return refused;
        }

        Deliveries = await hub.DeliveriesAsync(Id, HttpContext.RequestAborted);
        if (!AppOnly && Row.Instance.CallbackUrl is { } callbackUrl && catalog.Find(Row.Instance.ElementKey) is { } connector)
        {
            SignInUrl = connector.SignInUrl(Row.Instance.Tenant, Row.Instance.ApiKey, callbackUrl, Row.Instance.Scope, $"reauthenticate-{Id}");
        }

        return Page();
    }

    public Task<IActionResult> OnPostDisableAsync() => SetDisabledAsync(true);

    public Task<IActionResult> OnPostEnableAsync() => SetDisabledAsync(false);

    /// <summary>An app-only instance asks the authority for a new token with its stored secret, as PATCH ?reAuthenticate=true does.</summary>
    public async Task<IActionResult> OnPostReAuthenticateAsync()
    {
        if (await OpenAsync() is { } refused)
        {
            return refused;
        }

        if (!AppOnly)
        {
            Message = "A user's instance is re-authenticated by signing that user in again: open the sign-in link below.";
            return Back();
        }

        var request = new InstanceRequest(null, null, null, new Dictionary<string, string>(), null, false);
        var updated = await hub.UpdateAsync(Row.Instance.OrganizationId, Id, request, reAuthenticate: true, HttpContext.RequestAborted);
        Message = updated.Succeeded ? $"{Row.Name} is re-authenticated." : $"The authority refused: {updated.Error.Message}";
        return Back();
    }

    private async Task<IActionResult> SetDisabledAsync(bool disabled)
    {
        if (await OpenAsync() is { } refused)
        {
            return refused;
        }

        await hub.SetDisabledAsync(Row.Instance.OrganizationId, Id, disabled, HttpContext.RequestAborted);
        Message = disabled ? $"{Row.Name} is disabled: calls through it are refused until it is enabled." : $"{Row.Name} is enabled.";
        return Back();
    }

    private RedirectResult Back() => Redirect($"/connectors/{Id}");

    private async Task<IActionResult?> OpenAsync()
    {
        if (await RefuseUnlessGlobalAdministratorAsync() is { } refused)
        {
            return refused;
        }

        if (await instances.FindAsync(User.TenantId(), Id, HttpContext.RequestAborted) is not { } row)
        {
            return RedirectToPage("/Denied", new { reason = PortalRefusal.InstanceNotFound });
        }

        Row = row;
        ViewData["Title"] = $"{row.Name} - Connector instances";
        return null;
    }
}
