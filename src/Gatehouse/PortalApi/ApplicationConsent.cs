using Gatehouse.DirectoryObjects;
using Gatehouse.DirectoryObjects.Applications;
using Gatehouse.DirectoryObjects.Consent;
using Gatehouse.DirectoryObjects.Permissions;

namespace Gatehouse.PortalApi;

/// <summary>
/// POST /api/RegisteredApplications/{appId}/Consent?onBehalfOfAll=true (docs/protocol/microsoft-hosts.md §4): the
/// portal's "Grant admin consent" for an app registration of the caller's tenant, as `az ad app permission
/// admin-consent` sends it. Application permissions become app role assignments, delegated ones the tenant-wide grant.
/// </summary>
internal static class ApplicationConsent
{
    public static RouteGroupBuilder MapApplicationConsent(this RouteGroupBuilder portalApi)
    {
        portalApi.MapPost("/RegisteredApplications/{appId}/Consent", GrantAsync);
        return portalApi;
    }

    private static async Task<IResult> GrantAsync(
        string appId, PortalApiRequest request, HttpContext context, TenantWideConsentRight right, ApplicationRegistrations applications,
        ApiPermissions permissions, AdminConsent consent, CancellationToken cancellationToken)
    {
        if (await right.RefuseAsync(request.Caller, cancellationToken) is { } refused)
        {
            return refused;
        }

        // What the real API does without onBehalfOfAll=true is not documented, so it is refused rather than guessed.
        if (!string.Equals(context.Request.Query["onBehalfOfAll"], "true", StringComparison.OrdinalIgnoreCase))
        {
            return PortalApiErrors.BadRequest("Only consent on behalf of the whole organization is supported: send onBehalfOfAll=true.");
        }

        if (!Guid.TryParse(appId, out var id))
        {
            return PortalApiErrors.BadRequest($"'{appId}' is not a valid application ID.");
        }

        var found = await applications.FindAsync(request.Caller.TenantId, id.ToString(), cancellationToken);
        if (!found.Succeeded || found.Value.AppId != id)
        {
            return PortalApiErrors.NotFound($"No application with ID {id} is registered in this tenant.");
        }

        var application = found.Value;
        if ((await permissions.ListAsync(application, cancellationToken)).Count == 0)
        {
            return PortalApiErrors.BadRequest($"The application {application.DisplayName} requests no permissions: there is nothing to consent to.");
        }

        var granted = await consent.GrantAsync(application, request.Caller.TenantId, cancellationToken);
        return granted.Succeeded ? Results.NoContent() : Refusal(granted.Error);
    }

    private static PortalApiError Refusal(DirectoryError error) => error.Kind == DirectoryErrorKind.NotFound
        ? PortalApiErrors.NotFound(error.Message)
        : PortalApiErrors.BadRequest(error.Message);
}
