using Gatehouse.DirectoryObjects.Permissions;
using Microsoft.AspNetCore.Mvc;

namespace Gatehouse.Portal.Applications;

/// <summary>
/// Request API permissions: pick an API (a tile of Microsoft APIs, or one of the APIs my organization uses), a
/// permission type, then tick permissions, grouped by category.
/// </summary>
internal sealed class AddPermissionModel(PortalAccess access, ApiResources resources, ApiPermissions permissions) : AppBladeModel(access)
{
    public override string Blade => "API permissions";

    [BindProperty(SupportsGet = true, Name = "api")]
    public Guid? ApiAppId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Type { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Filter { get; set; }

    /// <summary>Which list of APIs: microsoft (the default) or organization.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Tab { get; set; }

    public ApiResource? Api { get; private set; }

    public IReadOnlyList<ApiResource> OrganizationApis { get; private set; } = [];

    public IReadOnlyList<PermissionGroup> Groups { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (await OpenAsync() is { } refused)
        {
            return refused;
        }

        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await OpenAsync() is { } refused)
        {
            return refused;
        }

        var kind = PermissionKinds.Parse(Type);
        var chosen = Request.Form["Permissions"].Select(value => Guid.TryParse(value, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty).ToList();
        if (ApiAppId is not { } apiAppId || kind is null)
        {
            return Redirect($"/applications/{App.Id}/permissions/add");
        }

        foreach (var permissionId in chosen)
        {
            await permissions.AddAsync(App, apiAppId.ToString(), permissionId.ToString(), kind, HttpContext.RequestAborted);
        }

        return Redirect($"/applications/{App.Id}/permissions");
    }

    private async Task LoadAsync()
    {
        OrganizationApis = await resources.ListTenantApisAsync(User.TenantId(), HttpContext.RequestAborted);
        if (ApiAppId is not { } apiAppId)
        {
            return;
        }

        Api = ApiResources.MicrosoftApis.Concat(OrganizationApis).FirstOrDefault(api => api.AppId == apiAppId);
        var kind = PermissionKinds.Parse(Type);
        if (Api is null || kind is null)
        {
            return;
        }

        var requested = App.RequiredResourceAccess.Where(r => r.ResourceAppId == Api.AppId).SelectMany(r => r.ResourceAccess)
            .Where(a => a.Type == kind.Value.ToResourceAccessType()).Select(a => a.Id).ToHashSet();
        var choices = kind == PermissionKind.Delegated
            ? Api.DelegatedPermissions.Select(s => new PermissionChoice(s.Id, s.Value, s.AdminConsentDisplayName, s.Type == "Admin", requested.Contains(s.Id)))
            : Api.ApplicationPermissions.Select(r => new PermissionChoice(r.Id, r.Value, r.DisplayName, true, requested.Contains(r.Id)));
        Groups = PermissionGroup.Of(choices.Where(c => string.IsNullOrWhiteSpace(Filter) || c.Value.Contains(Filter.Trim(), StringComparison.OrdinalIgnoreCase)));
    }
}

/// <summary>One row of the permission picker.</summary>
internal sealed record PermissionChoice(Guid Id, string Value, string Description, bool AdminConsentRequired, bool AlreadyRequested);
