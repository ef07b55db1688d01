using Gatehouse.Data;
using Gatehouse.Identity.Issuance;
using Gatehouse.Identity.Protocol;
using Gatehouse.Identity.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Portal;

/// <summary>
/// The device code flow's page (RFC 8628 §3.3): the person enters the code the device shows, signs in, consents on the
/// consent page if a scope is not yet granted, and confirms; the device's next poll then gets their tokens. Approving
/// and declining are POSTs with the antiforgery token, so no link can approve a code on someone's behalf.
/// </summary>
internal sealed class DeviceLoginModel(DeviceAuthorizations authorizations, DelegatedScopes delegated, GatehouseDb db) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "code")]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true, Name = ConsentOutcome.Parameter)]
    public string? ConsentAnswer { get; set; }

    public DeviceLoginStep Step { get; private set; } = DeviceLoginStep.EnterCode;

    public string? Problem { get; private set; }

    public string ClientName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync()
    {
        if (Code is null)
        {
            return Page();
        }

        var opened = await OpenAsync();
        if (!opened.Succeeded)
        {
            return opened.Error;
        }

        var (code, authorization) = opened.Value;
        if (ConsentAnswer is ConsentOutcome.Declined or ConsentOutcome.NeedsAdmin)
        {
            await authorizations.DeclineAsync(code, HttpContext.RequestAborted);
            Step = DeviceLoginStep.Declined;
            return Page();
        }

        var (request, granted) = await ConsentAsync(authorization);
        var missing = request.Missing(granted);
        if (missing.Count > 0)
        {
            return Redirect($"/consent?client_id={authorization.ClientId}&resource={authorization.ResourceAppId}"
                + $"&scope={Uri.EscapeDataString(string.Join(' ', missing))}&ReturnUrl={Uri.EscapeDataString(ReturnUrl(code))}");
        }

        Step = DeviceLoginStep.Confirm;
        return Page();
    }

    public async Task<IActionResult> OnPostCodeAsync()
    {
        if (Code is null || Code.Length > 64 || await authorizations.FindPendingAsync(Code, HttpContext.RequestAborted) is null)
        {
            return WrongCode();
        }

        return LocalRedirect(ReturnUrl(Code));
    }

    public async Task<IActionResult> OnPostContinueAsync()
    {
        var opened = await OpenAsync();
        if (!opened.Succeeded)
        {
            return opened.Error;
        }

        var (code, authorization) = opened.Value;
        var (request, granted) = await ConsentAsync(authorization);
        if (request.Missing(granted).Count > 0 || !await authorizations.ApproveAsync(code, User.TenantId(), User.UserId(), request.TokenScope(granted), HttpContext.RequestAborted))
        {
            return WrongCode();
        }

        Step = DeviceLoginStep.Done;
        return Page();
    }

    public async Task<IActionResult> OnPostCancelAsync()
    {
        var opened = await OpenAsync();
        if (!opened.Succeeded)
        {
            return opened.Error;
        }

        await authorizations.DeclineAsync(opened.Value.Code, HttpContext.RequestAborted);
        Step = DeviceLoginStep.Declined;
        return Page();
    }

    private static string ReturnUrl(string code) => "/devicelogin?code=" + Uri.EscapeDataString(code);

    /// <summary>The code as entered and the pending authorization it stands for, once the person is signed in to its tenant (any, on an alias); else the page to show.</summary>
    private async Task<Outcome<EnteredCode, ActionResult>> OpenAsync()
    {
        if (Code is not { Length: <= 64 } code || await authorizations.FindPendingAsync(code, HttpContext.RequestAborted) is not { } authorization)
        {
            return WrongCode();
        }

        if (User.Identity?.IsAuthenticated != true)
        {
            return Challenge();
        }

        // A code asked for on /common or /organizations is for whoever enters it, in their own tenant.
        if (authorization.TenantId != DeviceAuthorization.AnyTenant && User.TenantId() != authorization.TenantId)
        {
            Step = DeviceLoginStep.Refused;
            Problem = "The account you signed in with belongs to another organization than the app on your device. Sign out and sign in with an account of that organization.";
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }

        ClientName = await db.Applications.AsNoTracking().Where(a => a.AppId == authorization.ClientId)
            .Select(a => a.DisplayName).FirstOrDefaultAsync(HttpContext.RequestAborted) ?? authorization.ClientId.ToString();
        return new EnteredCode(code, authorization);
    }

    private async Task<(ScopeRequest Request, IReadOnlySet<string> Granted)> ConsentAsync(DeviceAuthorization authorization)
    {
        var values = authorization.Scope.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var request = new ScopeRequest(authorization.ResourceAppId, [.. values.Where(v => !RequestedScopes.IsOidc(v))], [.. values.Where(RequestedScopes.IsOidc)]);
        var granted = await delegated.GrantedAsync(User.TenantId(), authorization.ClientId, authorization.ResourceAppId, User.UserId(), HttpContext.RequestAborted);
        return (request, granted);
    }

    private PageResult WrongCode()
    {
        Step = DeviceLoginStep.EnterCode;
        Problem = "That code didn't work. Check the code and try again.";
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private sealed record EnteredCode(string Code, DeviceAuthorization Authorization);
}

internal enum DeviceLoginStep
{
    EnterCode,
    Confirm,
    Done,
    Declined,
    Refused,
}
