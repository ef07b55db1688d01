using Gatehouse.DirectoryObjects.Applications;
using Microsoft.AspNetCore.Mvc;

namespace Gatehouse.Portal.Applications;

/// <summary>Manifest: the app as JSON, saved as a whole after validation; a refused edit stays in the editor with the reason.</summary>
internal sealed class ManifestModel(PortalAccess access, ApplicationManifest manifests) : AppBladeModel(access)
{
    public override string Blade => "Manifest";

    [BindProperty]
    public string? Manifest { get; set; }

    public string? Problem { get; private set; }

    /// <summary>Set by a save, shown once on the page its POST redirected to.</summary>
    [TempData]
    public bool? Saved { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await OpenAsync() is { } refused)
        {
            return refused;
        }

        Manifest = ApplicationManifest.Render(App);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await OpenAsync() is { } refused)
        {
            return refused;
        }

        var applied = await manifests.ApplyAsync(App, Manifest ?? "", HttpContext.RequestAborted);
        if (!applied.Succeeded)
        {
            Problem = applied.Error.Message;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Saved = true;
        return Redirect($"/applications/{App.Id}/manifest");
    }
}
