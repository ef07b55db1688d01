using Microsoft.AspNetCore.Mvc;

namespace Gatehouse.Portal.Applications;

/// <summary>Blades that only show text about the app: Quickstart, Troubleshooting, New support request.</summary>
internal abstract class StaticBladeModel(PortalAccess access) : AppBladeModel(access)
{
    public async Task<IActionResult> OnGetAsync() => await OpenAsync() ?? Page();
}

internal sealed class QuickstartModel(PortalAccess access) : StaticBladeModel(access)
{
    public override string Blade => "Quickstart";
}

internal sealed class TroubleshootingModel(PortalAccess access) : StaticBladeModel(access)
{
    public override string Blade => "Troubleshooting";
}

internal sealed class SupportModel(PortalAccess access) : StaticBladeModel(access)
{
    public override string Blade => "New support request";
}
