using Gatehouse.DirectoryObjects;
using Gatehouse.DirectoryObjects.Applications;
using Microsoft.AspNetCore.Mvc;

namespace Gatehouse.Portal.Applications;

/// <summary>Expose an API: the Application ID URI, the token version the API accepts, and its scopes.</summary>
internal sealed class ExposeApiModel(PortalAccess access, ExposedApi api) : AppBladeModel(access)
{
    public override string Blade => "Expose an API";

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await OpenAsync() ?? Page();

    public Task<IActionResult> OnPostSetUriAsync(string? identifierUri) =>
        ChangeAsync(() => api.SetIdentifierUrisAsync(App, string.IsNullOrWhiteSpace(identifierUri) ? [] : [identifierUri.Trim()], HttpContext.RequestAborted));

    public Task<IActionResult> OnPostSetVersionAsync(int? version) =>
        ChangeAsync(() => api.SetAccessTokenVersionAsync(App, version, HttpContext.RequestAborted));

    public Task<IActionResult> OnPostAddScopeAsync(string? value, string? displayName, string? description, bool adminsOnly) =>
        ChangeAsync(async () => (await api.AddScopeAsync(App, new NewScope(value ?? "", displayName ?? value ?? "", adminsOnly, description), HttpContext.RequestAborted)).Error);

    private Task<IActionResult> ChangeAsync(Func<Task<Outcome<Application, DirectoryError>>> change) =>
        ChangeAsync(async () => (await change()).Error);

    private async Task<IActionResult> ChangeAsync(Func<Task<DirectoryError?>> change)
    {
        if (await OpenAsync() is { } refused)
        {
            return refused;
        }

        if (await change() is { } error)
        {
            Problem = error.Message;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        return Redirect($"/applications/{App.Id}/expose");
    }
}
