using Gatehouse.DirectoryObjects.Applications;
using Gatehouse.DirectoryObjects.Roles;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Gatehouse.Portal;

/// <summary>
/// Who may open the directory's blades, by the roles Graph asks of a signed-in user for the same changes: Users and
/// Groups for Global and User Administrators, Enterprise applications and Deleted applications for Global, Application
/// and Cloud Application Administrators. Checked before any handler of the folder runs, reads included.
/// </summary>
internal static class DirectoryBladeAccess
{
    public static IReadOnlyList<DirectoryRoleTemplate> UserManagers { get; } = [DirectoryRoleTemplate.GlobalAdministrator, DirectoryRoleTemplate.UserAdministrator];

    public static void AddDirectoryBlades(this PageConventionCollection conventions)
    {
        Require(conventions, "/Users", UserManagers, PortalRefusal.NotUserAdministrator);
        Require(conventions, "/Groups", UserManagers, PortalRefusal.NotUserAdministrator);
        Require(conventions, "/EnterpriseApps", ApplicationManagers.Administrators, PortalRefusal.NotAppAdministrator);
        Require(conventions, "/DeletedApps", ApplicationManagers.Administrators, PortalRefusal.NotAppAdministrator);
    }

    private static void Require(PageConventionCollection conventions, string folder, IReadOnlyList<DirectoryRoleTemplate> roles, PortalRefusal refusal)
    {
        conventions.AuthorizeFolder(folder);
        conventions.AddFolderApplicationModelConvention(folder, model => model.Filters.Add(new RoleRequirement(roles, refusal)));
    }

    private sealed class RoleRequirement(IReadOnlyList<DirectoryRoleTemplate> roles, PortalRefusal refusal) : IAsyncPageFilter
    {
        public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

        public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
        {
            var user = context.HttpContext.User;
            var assignments = context.HttpContext.RequestServices.GetRequiredService<DirectoryRoleAssignments>();
            if (!await assignments.HoldsAnyAsync(user.TenantId(), user.UserId(), roles, context.HttpContext.RequestAborted))
            {
                context.Result = new RedirectToPageResult("/Denied", new { reason = refusal });
                return;
            }

            await next();
        }
    }
}
