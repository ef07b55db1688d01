using Gatehouse.DirectoryObjects.Groups;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gatehouse.Portal.Groups;

/// <summary>New group: a security group or a Microsoft 365 group, with a name and a description.</summary>
internal sealed class NewModel(GroupMemberships groups) : PageModel
{
    /// <summary>"Security" or "Microsoft 365".</summary>
    [BindProperty]
    public string GroupType { get; set; } = "Security";

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Description { get; set; }

    public string? Problem { get; private set; }

    public void OnGet() => ViewData["Title"] = "New group";

    public async Task<IActionResult> OnPostAsync()
    {
        var unified = GroupType == "Microsoft 365";
        var request = new NewGroup(Name ?? "", string.IsNullOrWhiteSpace(Description) ? null : Description.Trim(), MailEnabled: unified, GroupTypes: unified ? [Group.Unified] : null);
        var created = await groups.CreateAsync(User.TenantId(), request, HttpContext.RequestAborted);
        if (!created.Succeeded)
        {
            OnGet();
            Problem = created.Error.Message;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        return Redirect($"/groups/{created.Value.Id}");
    }
}
