using Gatehouse.DirectoryObjects.Applications;
using Gatehouse.DirectoryObjects.Consent;
using Gatehouse.Identity.Clients;
using Gatehouse.Identity.Protocol;
using Gatehouse.Identity.Resources;

namespace Gatehouse.Identity.Endpoints;

/// <summary>
/// GET /{tenant}/adminconsent and /{tenant}/v2.0/adminconsent (learn.microsoft.com v2-admin-consent): an administrator
/// signs in, accepts the app's permissions for the whole organization on the organization consent page (which makes a
/// multi-tenant app's service principal in their tenant), and is sent back to the app's registered redirect URI with
/// admin_consent=True, tenant and state. The redirect happens only once the grants are really in the store.
/// </summary>
internal static class AdminConsentEndpoint
{
    public const string OrganizationConsentPath = "/consent/organization";

    public static IEndpointRouteBuilder MapAdminConsent(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/{tenant}/adminconsent", HandleAsync).WithMetadata(ProtocolVersion.V1, TokenServiceFailures.SignInPages);
        endpoints.MapGet("/{tenant}/v2.0/adminconsent", HandleAsync).WithMetadata(ProtocolVersion.V2, TokenServiceFailures.SignInPages);
        return endpoints;
    }

    private static async Task<IResult> HandleAsync(
        string tenant,
        BrowserParameters parameters,
        ProtocolVersion version,
        HttpContext context,
        TenantResolver tenants,
        ClientRegistrations registrations,
        DelegatedScopes delegated,
        AdminConsent adminConsent)
    {
        var cancellationToken = context.RequestAborted;
        var route = await tenants.ResolveAsync(tenant, discovery: false, cancellationToken);
        if (!route.Succeeded)
        {
            return TokenServicePage.Error(route.Error);
        }

        var clientIdText = parameters["client_id"] ?? "";
        var application = Guid.TryParse(clientIdText, out var clientId) ? await registrations.FindApplicationAsync(clientId, cancellationToken) : null;
        var multiTenant = application is not null && application.SignInAudience != Application.SingleTenant;
        if (application is null || (route.Value.IsSpecificTenant && application.TenantId != route.Value.TenantId && !multiTenant))
        {
            return TokenServicePage.Error(Aadsts.ClientNotFound(clientIdText, route.Value.Segment));
        }

        if (!route.Value.IsSpecificTenant && !multiTenant)
        {
            return TokenServicePage.Error(Aadsts.SingleTenantAppOnCommon(clientId, application.DisplayName));
        }

        var registered = RegisteredRedirectUri.Find(application, parameters["redirect_uri"]);
        if (!registered.Succeeded)
        {
            return TokenServicePage.Error(registered.Error);
        }

        var redirectUri = registered.Value.Uri;
        var state = parameters["state"];
        RedirectToClient Refuse(AadstsError error) => RedirectToClient.Error(redirectUri, ResponseMode.Query, error, state);

        // v2.0 names what to consent to: `{resource}/.default` (or nothing) is everything the app requests statically.
        var scope = version.IsV2 ? parameters["scope"] : null;
        RequestedScopes? requested = null;
        if (scope is not null)
        {
            var parsed = RequestedScopes.Parse(scope);
            if (!parsed.Succeeded)
            {
                return Refuse(parsed.Error);
            }

            requested = parsed.Value;
        }

        switch (parameters[ConsentOutcome.Parameter])
        {
            case ConsentOutcome.Declined:
                return Refuse(Aadsts.UserDeclinedConsent());
            case ConsentOutcome.NeedsAdmin:
                return Refuse(Aadsts.AdminApprovalRequired(clientId));
        }

        if (await BrowserSession.ReadAsync(context) is not { } session)
        {
            return Results.Redirect("/signin?ReturnUrl=" + Uri.EscapeDataString(ReturnUrl(context, parameters)));
        }

        var userTenant = session.TenantId;
        if ((route.Value.IsSpecificTenant && userTenant != route.Value.TenantId) || (!multiTenant && userTenant != application.TenantId))
        {
            return Refuse(Aadsts.UserNotInTenant(route.Value.Segment));
        }

        ScopeRequest? specific = null;
        if (requested is { Default: false, Scopes.Count: > 0 })
        {
            var resolved = await delegated.ResolveAsync(userTenant, application, requested, cancellationToken);
            if (!resolved.Succeeded)
            {
                return Refuse(resolved.Error);
            }

            specific = resolved.Value;
        }

        if (parameters[ConsentOutcome.Parameter] == ConsentOutcome.Granted
            && await IsGrantedAsync(registrations, adminConsent, application, userTenant, specific, cancellationToken))
        {
            List<KeyValuePair<string, string>> answer = [new("admin_consent", "True"), new("tenant", userTenant.ToString())];
            if (scope is not null)
            {
                answer.Add(new("scope", scope));
            }

            if (state is not null)
            {
                answer.Add(new("state", state));
            }

            return new RedirectToClient(redirectUri, ResponseMode.Query, answer);
        }

        return Results.Redirect($"{OrganizationConsentPath}?client_id={clientId}"
            + (specific is null ? "" : $"&resource={specific.ResourceAppId}&scope={Uri.EscapeDataString(string.Join(' ', specific.Scopes))}")
            + $"&ReturnUrl={Uri.EscapeDataString(ReturnUrl(context, parameters))}");
    }

    // The outcome parameter is only a hint to look: the store says whether the organization consented.
    private static async Task<bool> IsGrantedAsync(
        ClientRegistrations registrations, AdminConsent adminConsent, Application application, Guid tenantId, ScopeRequest? specific, CancellationToken cancellationToken)
    {
        if (await registrations.FindClientAsync(tenantId, application.AppId, cancellationToken) is null)
        {
            return false;
        }

        if (specific is not null)
        {
            var granted = await adminConsent.TenantWideScopesAsync(tenantId, application.AppId, specific.ResourceAppId, cancellationToken);
            return specific.Scopes.All(granted.Contains);
        }

        return (await adminConsent.StatusAsync(application, tenantId, cancellationToken)).All(p => p.Granted);
    }

    /// <summary>This request again, without an outcome, for the sign-in and consent pages to return to.</summary>
    private static string ReturnUrl(HttpContext context, BrowserParameters parameters) => context.Request.Path + "?" + parameters.QueryWithout();
}
