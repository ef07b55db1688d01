using System.Security.Claims;
using Gatehouse.DirectoryObjects.Logs;
using Gatehouse.Identity.Protocol;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Gatehouse.Portal;

/// <summary>Names the signed-in administrator as the initiator of the directory changes a page makes (docs/protocol/graph-dataverse.md §2.9).</summary>
internal sealed class PortalAuditInitiator : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var user = context.HttpContext.User;
        if (user.Identity?.IsAuthenticated == true && Guid.TryParse(user.FindFirstValue(BrowserSession.UserIdClaim), out var userId))
        {
            AuditInitiator.Set(AuditInitiator.ForUser(
                userId, user.FindFirstValue("name"), user.FindFirstValue(ClaimTypes.Name), context.HttpContext.Connection.RemoteIpAddress?.ToString()));
        }

        await next();
    }
}
