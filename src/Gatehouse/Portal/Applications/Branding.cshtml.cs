using Gatehouse.DirectoryObjects.Applications;
using Microsoft.AspNetCore.Mvc;

namespace Gatehouse.Portal.Applications;

/// <summary>Branding: the app's name (also its enterprise application's) and home page URL.</summary>
internal sealed class BrandingModel(PortalAccess access, ApplicationSettings settings) : AppBladeModel(access)
{
    public override string Blade => "Branding";

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? HomePageUrl { get; set; }

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await OpenAsync() is { } refused)
        {
            return refused;
        }

        Name = App.DisplayName;
        HomePageUrl = App.WebHomePageUrl;
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync()
    {
        if (await OpenAsync() is { } refused)
        {
            return refused;
        }

        var saved = await settings.SetBrandingAsync(App, new ApplicationBranding(Name ?? "", HomePageUrl), HttpContext.RequestAborted);
        if (!saved.Succeeded)
        {
            Problem = saved.Error.Message;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        return Redirect($"/applications/{App.Id}/branding");
    }
}
