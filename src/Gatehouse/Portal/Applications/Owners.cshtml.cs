using Gatehouse.DirectoryObjects;
using Gatehouse.DirectoryObjects.Applications;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gatehouse.Portal.Applications;

/// <summary>
/// Owners: who may manage the app besides the application administrators. Any owner or administrator may add and
/// remove owners, the last one included, as in Entra.
/// </summary>
internal sealed class OwnersModel(PortalAccess access, ApplicationOwnership ownership) : AppBladeModel(access)
{
    public override string Blade => "Owners";

    [BindProperty(SupportsGet = true, Name = "add")]
    public string? Adding { get; set; }

    public string? UserPrincipalName { get; private set; }

    public IReadOnlyList<PrincipalSummary> Owners { get; private set; } = [];

    public string? Problem { get; private set; }

    public static string TypeName(DirectoryObjectType type) => type switch
    {
        DirectoryObjectType.ServicePrincipal => "Service principal",
        _ => type.ToString(),
    };

    public async Task<IActionResult> OnGetAsync() => await OpenAsync() ?? await ShowAsync();

    public async Task<IActionResult> OnPostAddAsync(string? userPrincipalName)
    {
        if (await OpenAsync() is { } refused)
        {
            return refused;
        }

        var added = await ownership.AddUserAsync(App, userPrincipalName ?? "", HttpContext.RequestAborted);
        if (!added.Succeeded)
        {
            Problem = added.Error.Message;
            Adding = "owners";
            UserPrincipalName = userPrincipalName;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await ShowAsync();
        }

        return Redirect($"/applications/{App.Id}/owners");
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid ownerId)
    {
        if (await OpenAsync() is { } refused)
        {
            return refused;
        }

        var removed = await ownership.RemoveAsync(App, ownerId, HttpContext.RequestAborted);
        if (!removed.Succeeded)
        {
            Problem = removed.Error.Message;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await ShowAsync();
        }

        // An owner who is not an administrator and removed themselves may no longer open this blade.
        return ownerId == User.UserId() && !await Access.IsAppAdministratorAsync(User, HttpContext.RequestAborted)
            ? Redirect("/applications")
            : Redirect($"/applications/{App.Id}/owners");
    }

    private async Task<PageResult> ShowAsync()
    {
        Owners = await ownership.ListAsync(App, HttpContext.RequestAborted);
        return Page();
    }
}
