using Gatehouse.DirectoryObjects.ServicePrincipals;
using Microsoft.AspNetCore.Mvc;

namespace Gatehouse.Portal.EnterpriseApps;

/// <summary>
/// Properties: "Enabled for users to sign in?" (accountEnabled: a disabled service principal gets no tokens, neither
/// for users nor for itself), "Assignment required?" and notes, saved through the same operation as Graph's PATCH.
/// </summary>
internal sealed class PropertiesModel(ServicePrincipalDirectory servicePrincipals) : EnterpriseAppBladeModel(servicePrincipals)
{
    public override string Blade => "Properties";

    [BindProperty]
    public bool AccountEnabled { get; set; }

    [BindProperty]
    public bool AssignmentRequired { get; set; }

    [BindProperty]
    public string? Notes { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await OpenAsync() is { } missing)
        {
            return missing;
        }

        (AccountEnabled, AssignmentRequired, Notes) = (Principal.AccountEnabled, Principal.AppRoleAssignmentRequired, Principal.Notes);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await OpenAsync() is { } missing)
        {
            return missing;
        }

        var notes = string.IsNullOrWhiteSpace(Notes) ? null : Notes.Trim();
        var changes = new ServicePrincipalChanges(null, AccountEnabled, AssignmentRequired, notes, ClearNotes: notes is null);
        var updated = await ServicePrincipals.UpdateAsync(Principal, changes, HttpContext.RequestAborted);
        if (!updated.Succeeded)
        {
            Refused(updated.Error.Message);
            return Page();
        }

        return Done("Saved.", "/properties");
    }
}
