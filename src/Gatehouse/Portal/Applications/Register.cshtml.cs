using Gatehouse.DirectoryObjects.Applications;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gatehouse.Portal.Applications;

/// <summary>Register an application: name, supported account types, one optional redirect URI. The registrant becomes its owner.</summary>
internal sealed class RegisterModel(ApplicationRegistrations applications, PortalAccess access) : PageModel
{
    public static IReadOnlyList<(string Value, string Label)> AccountTypes { get; } =
    [
        (Application.SingleTenant, "Accounts in this organizational directory only (Single tenant)"),
        (Application.MultiTenant, "Accounts in any organizational directory (Any Microsoft Entra ID tenant - Multitenant)"),
        (Application.MultiTenantAndPersonal, "Accounts in any organizational directory and personal Microsoft accounts"),
        (Application.PersonalOnly, "Personal Microsoft accounts only"),
    ];

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string SignInAudience { get; set; } = Application.SingleTenant;

    [BindProperty]
    public string Platform { get; set; } = "Web";

    [BindProperty]
    public string? RedirectUri { get; set; }

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync() =>
        await access.CanRegisterAsync(User, HttpContext.RequestAborted) ? Page() : RedirectToPage("/Denied", new { reason = PortalRefusal.RegistrationDisabled });

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await access.CanRegisterAsync(User, HttpContext.RequestAborted))
        {
            return RedirectToPage("/Denied", new { reason = PortalRefusal.RegistrationDisabled });
        }

        IReadOnlyList<string> redirect = string.IsNullOrWhiteSpace(RedirectUri) ? [] : [RedirectUri.Trim()];
        var created = await applications.CreateAsync(User.TenantId(), new NewApplication(
            Name ?? "",
            SignInAudience,
            Platform == "Web" ? redirect : [],
            Platform == "Spa" ? redirect : [],
            Platform == "PublicClient" ? redirect : [],
            OwnerId: User.UserId()), HttpContext.RequestAborted);
        if (!created.Succeeded)
        {
            Problem = created.Error.Message;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        return Redirect($"/applications/{created.Value.Id}");
    }
}
