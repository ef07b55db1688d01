using Gatehouse.DirectoryObjects.Roles;
using Microsoft.AspNetCore.Mvc;

namespace Gatehouse.Portal.Connectors;

/// <summary>Connector instances: every instance of the directory's apps, its state and last refresh, and when its API secret expires.</summary>
internal sealed class IndexModel(DirectoryRoleAssignments roles, ConnectorInstanceList instances, TimeProvider clock) : ConnectorsPage(roles)
{
    public IReadOnlyList<ConnectorInstanceRow> Rows { get; private set; } = [];

    public ExpiryTimeline Timeline { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        if (await RefuseUnlessGlobalAdministratorAsync() is { } refused)
        {
            return refused;
        }

        ViewData["Title"] = "Connector instances";
        Rows = await instances.ListAsync(User.TenantId(), HttpContext.RequestAborted);
        Timeline = ExpiryTimeline.Of(Rows, clock.GetUtcNow());
        return Page();
    }
}
