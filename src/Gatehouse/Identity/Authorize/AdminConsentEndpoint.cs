using System.Security.Claims;
using Gatehouse.DirectoryObjects.Applications;
using Gatehouse.DirectoryObjects.Consent;
using Gatehouse.Identity.Tenancy;
using Microsoft.AspNetCore.Authentication;

namespace Gatehouse.Identity.Authorize;

/// <summary>
/// GET /{tenant}/adminconsent and /{tenant}/v2.0/adminconsent (learn.microsoft.com v2-admin-consent): an administrator
/// signs in, accepts the app's permissions for the whole organization on the organization consent page (which makes a
/// multi-tenant app's service principal in their tenant), and is sent back to the app's registered redirect URI with
/// admin_consent=True, tenant and state. The redirect happens only once the grants are really in the store.
/// </summary>
internal sealed class AdminConsentEndpoint(TenantResolver tenants, DelegatedScopes delegated)
{
    public const string ConsentGranted = "granted";
    public const string OrganizationConsentPath = "/consent/organization";

    public async Task HandleAsync(HttpContext context, string tenantSegment, bool v2)
    {
        TokenServiceHeaders.Stamp(context);
        var cancellationToken = context.RequestAborted;
        var parameters = await AuthorizeEndpoint.ReadParametersAsync(context);
        string? Get(string name) => parameters.GetValueOrDefault(name);

        var (tenant, tenantError) = await tenants.ResolveAsync(tenantSegment, discovery: false, cancellationToken);
        if (tenant is null)
        {
            await AuthorizeResponse.ShowErrorPageAsync(context, tenantError!);
            return;
        }

        var clientIdText = Get("client_id") ?? "";
        var application = Guid.TryParse(clientIdText, out var clientId) ? await delegated.FindApplicationAsync(clientId, cancellationToken) : null;
        var multiTenant = application is not null && application.SignInAudience != Application.SingleTenant;
        if (application is null || (tenant.IsSpecificTenant && application.TenantId != tenant.TenantId && !multiTenant))
        {
            await AuthorizeResponse.ShowErrorPageAsync(context, Aadsts.ClientNotFound(clientIdText, tenant.Segment));
            return;
        }

        if (!tenant.IsSpecificTenant && !multiTenant)
        {
            await AuthorizeResponse.ShowErrorPageAsync(context, Aadsts.SingleTenantAppOnCommon(clientId, application.DisplayName));
            return;
        }

        if (Get("redirect_uri") is not { Length: > 0 and <= AuthorizationCode.MaximumRedirectUriLength } redirectUri)
        {
            await AuthorizeResponse.ShowErrorPageAsync(context, Aadsts.MissingParameter("redirect_uri"));
            return;
        }

        if (!application.WebRedirectUris.Contains(redirectUri, StringComparer.Ordinal)
            && !application.SpaRedirectUris.Contains(redirectUri, StringComparer.Ordinal)
            && !application.PublicClientRedirectUris.Contains(redirectUri, StringComparer.Ordinal))
        {
            await AuthorizeResponse.ShowErrorPageAsync(context, Aadsts.RedirectUriMismatch(redirectUri, clientId));
            return;
        }

        var state = Get("state");
        Task Refuse(AadstsError error) => AuthorizeResponse.SendErrorAsync(context, redirectUri, AuthorizeResponse.Query, error, state);

        // v2.0 names what to consent to: `{resource}/.default` (or nothing) is everything the app requests statically.
        var scope = v2 ? Get("scope") : null;
        RequestedScopes? requested = null;
        if (scope is not null)
        {
            (requested, var scopeError) = RequestedScopes.Parse(scope);
            if (requested is null)
            {
                await Refuse(scopeError!);
                return;
            }
        }

        switch (Get(AuthorizeEndpoint.ConsentOutcomeParameter))
        {
            case AuthorizeEndpoint.ConsentDeclined:
                await Refuse(Aadsts.UserDeclinedConsent());
                return;
            case AuthorizeEndpoint.ConsentNeedsAdmin:
                await Refuse(Aadsts.AdminApprovalRequired(clientId));
                return;
        }

        var session = await context.AuthenticateAsync();
        if (!session.Succeeded || !Guid.TryParse(session.Principal.FindFirstValue("tid"), out var userTenant))
        {
            context.Response.Redirect("/signin?ReturnUrl=" + Uri.EscapeDataString(ReturnUrl(context, parameters)));
            return;
        }

        if ((tenant.IsSpecificTenant && userTenant != tenant.TenantId) || (!multiTenant && userTenant != application.TenantId))
        {
            await Refuse(Aadsts.UserNotInTenant(tenant.Segment));
            return;
        }

        ScopeRequest? specific = null;
        if (requested is { Default: false, Scopes.Count: > 0 })
        {
            (specific, var resolveError) = await delegated.ResolveAsync(userTenant, application, requested, cancellationToken);
            if (specific is null)
            {
                await Refuse(resolveError!);
                return;
            }
        }

        if (Get(AuthorizeEndpoint.ConsentOutcomeParameter) == ConsentGranted && await IsGrantedAsync(context, application, userTenant, specific, cancellationToken))
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

            await AuthorizeResponse.SendAsync(context, redirectUri, AuthorizeResponse.Query, answer);
            return;
        }

        var page = $"{OrganizationConsentPath}?client_id={clientId}"
            + (specific is null ? "" : $"&resource={specific.ResourceAppId}&scope={Uri.EscapeDataString(string.Join(' ', specific.Scopes))}")
            + $"&ReturnUrl={Uri.EscapeDataString(ReturnUrl(context, parameters))}";
        context.Response.Redirect(page);
    }

    // The outcome parameter is only a hint to look: the store says whether the organization consented.
    private async Task<bool> IsGrantedAsync(HttpContext context, Application application, Guid tenantId, ScopeRequest? specific, CancellationToken cancellationToken)
    {
        if (await delegated.FindClientAsync(tenantId, application.AppId, cancellationToken) is null)
        {
            return false;
        }

        var adminConsent = context.RequestServices.GetRequiredService<AdminConsent>();
        if (specific is not null)
        {
            var granted = await adminConsent.TenantWideScopesAsync(tenantId, application.AppId, specific.ResourceAppId, cancellationToken);
            return specific.Scopes.All(granted.Contains);
        }

        return (await adminConsent.StatusAsync(application, tenantId, cancellationToken)).All(p => p.Granted);
    }

    /// <summary>This request again, without an outcome, for the sign-in and consent pages to return to.</summary>
    private static string ReturnUrl(HttpContext context, Dictionary<string, string> parameters) =>
        context.Request.Path + "?" + string.Join('&', parameters
            .Where(p => p.Key != AuthorizeEndpoint.ConsentOutcomeParameter)
            .Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));
}
