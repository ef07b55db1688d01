using Gatehouse.DirectoryObjects.Applications;
using Microsoft.AspNetCore.Mvc;

namespace Gatehouse.Portal.Applications;

/// <summary>App roles: roles the app defines; those for applications are the application permissions other apps request.</summary>
internal sealed class AppRolesModel(PortalAccess access, ExposedApi api) : AppBladeModel(access)
{
    public override string Blade => "App roles";

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await OpenAsync() ?? Page();

    public async Task<IActionResult> OnPostAsync(string? displayName, string? value, string? description, string? memberTypes)
    {
        if (await OpenAsync() is { } refused)
        {
            return refused;
        }

        IReadOnlyList<string> types = memberTypes switch
        {
            "User" => ["User"],
            "Both" => ["User", "Application"],
            _ => ["Application"],
        };
        var added = await api.AddAppRoleAsync(App, new NewAppRole(value ?? "", displayName ?? "", types, description), HttpContext.RequestAborted);
        if (!added.Succeeded)
        {
            Problem = added.Error.Message;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        return Redirect($"/applications/{App.Id}/roles");
    }
}
