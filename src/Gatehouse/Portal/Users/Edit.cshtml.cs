using Gatehouse.DirectoryObjects.Users;
using Microsoft.AspNetCore.Mvc;

namespace Gatehouse.Portal.Users;

/// <summary>Edit properties: the display name, whether the account may sign in, and the job information.</summary>
internal sealed class EditModel(UserAccounts users) : UserBladeModel(users)
{
    public override string Blade => "Edit properties";

    [BindProperty]
    public string? DisplayName { get; set; }

    [BindProperty]
    public bool AccountEnabled { get; set; }

    /// <summary>The optional properties by Graph name, as typed.</summary>
    [BindProperty]
    public Dictionary<string, string?> Fields { get; set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (await OpenAsync() is { } missing)
        {
            return missing;
        }

        DisplayName = Person.DisplayName;
        AccountEnabled = Person.AccountEnabled;
        Fields = UserProperties.Optional.ToDictionary(p => p.Name, p => p.Read(Person));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await OpenAsync() is { } missing)
        {
            return missing;
        }

        var updated = await Users.UpdateAsync(User.TenantId(), Person.Id, UserProperties.Changes(DisplayName, AccountEnabled, Fields), HttpContext.RequestAborted);
        if (!updated.Succeeded)
        {
            Refused(updated.Error.Message);
            return Page();
        }

        Message = "Saved.";
        return Redirect(BasePath);
    }
}
