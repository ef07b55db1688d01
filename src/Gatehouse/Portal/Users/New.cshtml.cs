using Gatehouse.DirectoryObjects.Tenants;
using Gatehouse.DirectoryObjects.Users;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gatehouse.Portal.Users;

/// <summary>
/// New user: an alias at one of the tenant's verified domains, a display name, and a password typed or made here. A
/// made password is shown once, on the new user's Overview, and never again.
/// </summary>
internal sealed class NewModel(UserAccounts users, TenantDomains domains) : PageModel
{
    [BindProperty]
    public string? Alias { get; set; }

    [BindProperty]
    public string? Domain { get; set; }

    [BindProperty]
    public string? DisplayName { get; set; }

    /// <summary>Left empty, a password is made and shown once.</summary>
    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public bool AccountEnabled { get; set; } = true;

    [TempData]
    public string? TemporaryPassword { get; set; }

    public IReadOnlyList<string> Domains { get; private set; } = [];

    public string? Problem { get; private set; }

    public async Task OnGetAsync() => await LoadDomainsAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        var made = string.IsNullOrEmpty(Password);
        var password = made ? AdministratorPassword.Generate() : Password!;
        var created = await users.CreateAsync(
            User.TenantId(), new NewUser($"{Alias?.Trim()}@{Domain?.Trim()}", password, DisplayName), HttpContext.RequestAborted);
        if (created.Succeeded && !AccountEnabled)
        {
            created = await users.UpdateAsync(User.TenantId(), created.Value.Id, new UserChanges { AccountEnabled = false }, HttpContext.RequestAborted);
        }

        if (!created.Succeeded)
        {
            Problem = created.Error.Message;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadDomainsAsync();
            return Page();
        }

        TemporaryPassword = made ? password : null;
        return Redirect($"/users/{created.Value.Id}");
    }

    private async Task LoadDomainsAsync()
    {
        ViewData["Title"] = "New user";
        Domains = [.. (await domains.ListAsync(User.TenantId(), HttpContext.RequestAborted)).Where(d => d.IsVerified).OrderByDescending(d => d.IsDefault).Select(d => d.Name)];
    }
}
