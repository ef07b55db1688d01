using Gatehouse.DirectoryObjects;
using Gatehouse.DirectoryObjects.Applications;
using Microsoft.AspNetCore.Mvc;

namespace Gatehouse.Portal.Applications;

/// <summary>Branding: the app's name (also its enterprise application's), home page URL and logo.</summary>
internal sealed class BrandingModel(PortalAccess access, ApplicationSettings settings, ApplicationLogos logos) : AppBladeModel(access)
{
    public override string Blade => "Branding";

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? HomePageUrl { get; set; }

    public string? Problem { get; private set; }

    /// <summary>The current logo's address, null when the app has none.</summary>
    public string? LogoUrl { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await OpenAsync() is { } refused)
        {
            return refused;
        }

        Name = App.DisplayName;
        HomePageUrl = App.WebHomePageUrl;
        await LoadLogoAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostLogoAsync(IFormFile? logo)
    {
        if (await OpenAsync() is { } refused)
        {
            return refused;
        }

        var saved = logo is null ? DirectoryError.Invalid("Choose an image file to upload.") : await SaveLogoAsync(logo);
        if (saved is not null)
        {
            Name = App.DisplayName;
            HomePageUrl = App.WebHomePageUrl;
            await LoadLogoAsync();
            Problem = saved.Message;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        return Redirect($"/applications/{App.Id}/branding");
    }

    public async Task<IActionResult> OnPostRemoveLogoAsync()
    {
        if (await OpenAsync() is { } refused)
        {
            return refused;
        }

        await logos.RemoveAsync(App, HttpContext.RequestAborted);
        return Redirect($"/applications/{App.Id}/branding");
    }

    /// <summary>Stores the upload; its refusal, or null once stored. A file over the limit is refused before it is read.</summary>
    private async Task<DirectoryError?> SaveLogoAsync(IFormFile logo)
    {
        if (logo.Length > ApplicationLogos.MaximumBytes)
        {
            return ApplicationLogos.TooLarge(logo.Length);
        }

        using var content = new MemoryStream((int)logo.Length);
        await logo.CopyToAsync(content, HttpContext.RequestAborted);
        var saved = await logos.SetAsync(App, content.ToArray(), HttpContext.RequestAborted);
        return saved.Succeeded ? null : saved.Error;
    }

    private async Task LoadLogoAsync() =>
        LogoUrl = ApplicationLogoEndpoint.Url(App.Id, await logos.VersionAsync(App.Id, HttpContext.RequestAborted));

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
