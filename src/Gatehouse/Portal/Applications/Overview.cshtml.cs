using Gatehouse.DirectoryObjects.Applications;
using Gatehouse.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Gatehouse.Portal.Applications;

/// <summary>Overview: the essentials a developer copies (client ID, tenant ID) and this tenant's endpoints.</summary>
internal sealed class OverviewModel(PortalAccess access, ApplicationRegistrations applications, IssuerUrls urls) : AppBladeModel(access)
{
    public override string Blade => "Overview";

    public Guid TenantId => User.TenantId();

    public string AccountTypes => RegisterModel.AccountTypes.FirstOrDefault(t => t.Value == App.SignInAudience).Label ?? App.SignInAudience;

    public string Credentials => $"{App.KeyCredentials.Count} certificate{(App.KeyCredentials.Count == 1 ? "" : "s")}, {App.PasswordCredentials.Count} secret{(App.PasswordCredentials.Count == 1 ? "" : "s")}";

    public string RedirectUris => $"{App.WebRedirectUris.Count} web, {App.SpaRedirectUris.Count} spa, {App.PublicClientRedirectUris.Count} public client";

    public IEnumerable<(string Name, string Url, string Key)> Endpoints
    {
        get
        {
            var tenant = TenantId.ToString();
            yield return ("OAuth 2.0 authorization endpoint (v2)", urls.V2Endpoint(tenant, "authorize"), "authorize-v2");
            yield return ("OAuth 2.0 token endpoint (v2)", urls.V2Endpoint(tenant, "token"), "token-v2");
            yield return ("OAuth 2.0 authorization endpoint (v1)", urls.V1Endpoint(tenant, "authorize"), "authorize-v1");
            yield return ("OAuth 2.0 token endpoint (v1)", urls.V1Endpoint(tenant, "token"), "token-v1");
            yield return ("OpenID Connect metadata document", urls.V2Discovery(tenant), "metadata");
            yield return ("JSON Web Key Set (signing keys)", urls.V2Keys(tenant), "keys");
        }
    }

    /// <summary>Delete asks first, as the portal does; the app stays restorable for 30 days either way.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Confirm { get; set; }

    public async Task<IActionResult> OnGetAsync() => await OpenAsync() ?? Page();

    public async Task<IActionResult> OnPostDeleteAsync()
    {
        if (await OpenAsync() is { } refused)
        {
            return refused;
        }

        await applications.DeleteAsync(User.TenantId(), App.Id.ToString(), HttpContext.RequestAborted);
        return Redirect("/applications");
    }
}
