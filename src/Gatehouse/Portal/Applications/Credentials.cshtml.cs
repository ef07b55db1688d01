using System.Globalization;
using Gatehouse.DirectoryObjects.Credentials;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gatehouse.Portal.Applications;

/// <summary>
/// Certificates &amp; secrets. A new secret's value is shown on the page the POST that made it redirects to, and
/// nowhere else: it travels there in the one-time TempData cookie (encrypted), so reloading or leaving the blade loses
/// it, as in Entra, and the POST is never offered again.
/// </summary>
internal sealed class CredentialsModel(PortalAccess access, ClientSecrets secrets, ClientCertificates certificates, TimeProvider clock)
    : AppBladeModel(access)
{
    /// <summary>Credentials that end sooner than this are flagged.</summary>
    public static readonly TimeSpan ExpiringSoon = TimeSpan.FromDays(30);

    public override string Blade => "Certificates & secrets";

    [BindProperty(SupportsGet = true, Name = "add")]
    public string? Adding { get; set; }

    /// <summary>The secret just added (its ID and value), read once from TempData.</summary>
    [TempData]
    public Guid? NewSecretKeyId { get; set; }

    [TempData]
    public string? NewSecretText { get; set; }

    public string? Problem { get; private set; }

    public static string Date(DateTimeOffset instant) => instant.ToString("M/d/yyyy", CultureInfo.InvariantCulture);

    public string ExpiryBadge(DateTimeOffset end)
    {
        var now = clock.GetUtcNow();
        return end <= now ? "<span class=\"badge expired\">Expired</span>"
            : end - now <= ExpiringSoon ? "<span class=\"badge expiring\">Expires soon</span>"
            : "";
    }

    public async Task<IActionResult> OnGetAsync() => await OpenAsync() ?? Page();

    public async Task<IActionResult> OnPostAddSecretAsync(string? description, string? expires, DateOnly? customEnd)
    {
        if (await OpenAsync() is { } refused)
        {
            return refused;
        }

        var choice = expires == "custom" && customEnd is { } end ? end.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : expires ?? "2y";
        var added = await secrets.AddAsync(App, description, choice, HttpContext.RequestAborted);
        if (!added.Succeeded)
        {
            return Refused(added.Error.Message, "secret");
        }

        NewSecretKeyId = added.Value.Credential.KeyId;
        NewSecretText = added.Value.SecretText;
        return Redirect($"/applications/{App.Id}/credentials");
    }

    public async Task<IActionResult> OnPostUploadCertificateAsync(IFormFile? certificateFile)
    {
        if (await OpenAsync() is { } refused)
        {
            return refused;
        }

        if (certificateFile is null || certificateFile.Length == 0)
        {
            return Refused("Select a certificate file to upload.", "certificate");
        }

        if (certificateFile.Length > CertificateFile.MaximumBytes)
        {
            return Refused($"The file is larger than {CertificateFile.MaximumBytes / 1024} KB; a certificate is smaller.", "certificate");
        }

        using var content = new MemoryStream();
        await certificateFile.CopyToAsync(content, HttpContext.RequestAborted);
        var added = await certificates.AddAsync(App, content.ToArray(), HttpContext.RequestAborted);
        return added.Succeeded ? Redirect($"/applications/{App.Id}/credentials") : Refused(added.Error.Message, "certificate");
    }

    public async Task<IActionResult> OnPostDeleteSecretAsync(Guid keyId)
    {
        if (await OpenAsync() is { } refused)
        {
            return refused;
        }

        var removed = await secrets.RemoveAsync(App, keyId, HttpContext.RequestAborted);
        return removed.Succeeded ? Redirect($"/applications/{App.Id}/credentials") : Refused(removed.Error.Message, null);
    }

    public async Task<IActionResult> OnPostDeleteCertificateAsync(Guid keyId)
    {
        if (await OpenAsync() is { } refused)
        {
            return refused;
        }

        var removed = await certificates.RemoveAsync(App, keyId, HttpContext.RequestAborted);
        return removed.Succeeded ? Redirect($"/applications/{App.Id}/credentials") : Refused(removed.Error.Message, null);
    }

    private PageResult Refused(string problem, string? adding)
    {
        Problem = problem;
        Adding = adding;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
