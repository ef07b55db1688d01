using System.Security.Cryptography;
using Gatehouse.Data;
using Gatehouse.DirectoryObjects.Roles;
using Gatehouse.DirectoryObjects.Tenants;
using Gatehouse.DirectoryObjects.Users;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Hosting;

/// <summary>
/// On an empty store: the default tenant and its first administrator, admin@{domain}, a Global Administrator whose
/// password is GATEHOUSE_ADMIN_PASSWORD or, when unset, generated, printed once and written to admin-password.txt.
/// </summary>
internal static class FirstStart
{
    public const string PasswordFileName = "admin-password.txt";

    public static async Task<bool> IsPendingAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        return !await scope.ServiceProvider.GetRequiredService<GatehouseDb>().Tenants.AnyAsync(cancellationToken);
    }

    public static async Task<string?> RunAsync(IServiceProvider services, GatehouseOptions options, TextWriter console, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var tenant = await provider.GetRequiredService<TenantProvisioning>()
            .CreateAsync(options.TenantId, options.TenantName, options.TenantDomain, cancellationToken);
        if (!tenant.Succeeded)
        {
            // Another process (a second node, or the CLI) may have set the store up at the same moment.
            return await provider.GetRequiredService<GatehouseDb>().Tenants.AnyAsync(cancellationToken) ? null : tenant.Error.Message;
        }

        var generated = options.AdminPassword is null;
        var password = options.AdminPassword ?? GeneratePassword();
        var admin = await provider.GetRequiredService<UserAccounts>().CreateAsync(
            tenant.Value.Id, new NewUser($"admin@{tenant.Value.DefaultDomain}", password, "Administrator"), cancellationToken);
        if (!admin.Succeeded)
        {
            return $"The first administrator could not be created: {admin.Error.Message}";
        }

        await provider.GetRequiredService<DirectoryRoleAssignments>()
            .AddMemberAsync(tenant.Value.Id, DirectoryRoleTemplate.GlobalAdministrator, admin.Value.Id, cancellationToken);

        if (generated)
        {
            await console.WriteLineAsync($"First administrator: {admin.Value.UserPrincipalName} with password {password} (shown once).");
            if (!options.InMemory)
            {
                var path = Path.Combine(options.DataFolder, PasswordFileName);
                var ownerOnly = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
                if (!OperatingSystem.IsWindows())
                {
                    ownerOnly.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
                }

                await using (var file = new StreamWriter(path, ownerOnly))
                {
                    await file.WriteLineAsync(password);
                }

                await console.WriteLineAsync($"It is also in {path} (readable by this user only).");
            }
        }

        return null;
    }

    private static string GeneratePassword()
    {
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789-_.!";
        while (true)
        {
            var candidate = RandomNumberGenerator.GetString(alphabet, 24);
            if (PasswordRules.Check(candidate) is null)
            {
                return candidate;
            }
        }
    }
}
