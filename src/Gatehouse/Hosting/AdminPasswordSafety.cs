using Gatehouse.Data;
using Gatehouse.DirectoryObjects.Roles;
using Gatehouse.DirectoryObjects.Users;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Hosting;

/// <summary>
/// README.md, "Configuration": bound to anything other than loopback, the server refuses to start with a well-known or empty admin
/// password. At first start that means GATEHOUSE_ADMIN_PASSWORD must be set, non-empty and not a well-known one;
/// later, no Global Administrator may have a well-known password.
/// </summary>
internal static class AdminPasswordSafety
{
    public static string? CheckFirstStart(GatehouseOptions options) =>
        !ListenAddresses.AllLoopback(options.ListenUrls) && WellKnownPasswords.Contains(options.AdminPassword)
            ? "Refusing to start: listening beyond loopback needs GATEHOUSE_ADMIN_PASSWORD set to a strong password at first start."
            : null;

    public static async Task<string?> CheckAsync(IServiceProvider services, GatehouseOptions options, CancellationToken cancellationToken)
    {
        if (ListenAddresses.AllLoopback(options.ListenUrls))
        {
            return null;
        }

        if (options.AdminPassword is not null && WellKnownPasswords.Contains(options.AdminPassword))
        {
            return "Refusing to start: GATEHOUSE_ADMIN_PASSWORD is empty or well known, and the server listens beyond loopback.";
        }

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GatehouseDb>();
        var globalAdministrators = db.DirectoryRoleMembers
            .Where(m => m.RoleTemplateId == DirectoryRoleTemplate.GlobalAdministrator.Id)
            .Select(m => m.PrincipalId);
        var weak = await db.Users
            .Where(u => u.HasWellKnownPassword && globalAdministrators.Contains(u.Id))
            .Select(u => u.UserPrincipalName)
            .FirstOrDefaultAsync(cancellationToken);
        return weak is null
            ? null
            : $"Refusing to start: the Global Administrator {weak} has a well-known password, and the server listens beyond loopback. Change it first.";
    }
}
