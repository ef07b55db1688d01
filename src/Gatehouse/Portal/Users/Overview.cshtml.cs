using Gatehouse.DirectoryObjects.Tenants;
using Gatehouse.DirectoryObjects.Users;
using Microsoft.AspNetCore.Mvc;

namespace Gatehouse.Portal.Users;

/// <summary>
/// A user's Overview: their properties, and the toolbar's Reset password (a new temporary password, shown once) and
/// Delete, each confirmed first, as the admin center asks.
/// </summary>
internal sealed class OverviewModel(UserAccounts users) : UserBladeModel(users)
{
    public override string Blade => "Overview";

    /// <summary>"reset" or "delete": the confirmation the toolbar asked for.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Confirm { get; set; }

    /// <summary>A password made here (by New user or Reset password), for this one view only.</summary>
    [TempData]
    public string? TemporaryPassword { get; set; }

    public async Task<IActionResult> OnGetAsync() => await OpenAsync() ?? Page();

    public async Task<IActionResult> OnPostResetPasswordAsync()
    {
        if (await OpenAsync() is { } missing)
        {
            return missing;
        }

        var password = AdministratorPassword.Generate();
        var reset = await Users.UpdateAsync(User.TenantId(), Person.Id, new UserChanges { Password = password }, HttpContext.RequestAborted);
        if (!reset.Succeeded)
        {
            Refused(reset.Error.Message);
            return Page();
        }

        TemporaryPassword = password;
        return Done();
    }

    public async Task<IActionResult> OnPostDeleteAsync()
    {
        if (await OpenAsync() is { } missing)
        {
            return missing;
        }

        var deleted = await Users.DeleteAsync(User.TenantId(), Person.Id, HttpContext.RequestAborted);
        if (!deleted.Succeeded)
        {
            Refused(deleted.Error.Message);
            return Page();
        }

        Message = $"Deleted user {Person.DisplayName} ({Person.UserPrincipalName}).";
        return Redirect("/users");
    }
}
