using Gatehouse.Data;
using Gatehouse.DirectoryObjects.Tenants;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Hosting;

/// <summary>
/// On an empty store: the default tenant and its first administrator, admin@{domain}, a Global Administrator whose
/// password is GATEHOUSE_ADMIN_PASSWORD or, when unset, generated, printed once and written to admin-password.txt (<see cref="AdministratorPasswordFile"/>).
/// </summary>
internal static class FirstStart
{
    public static async Task<bool> IsPendingAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        return !await scope.ServiceProvider.GetRequiredService<GatehouseDb>().Tenants.AnyAsync(cancellationToken);
    }

    public static async Task<string?> RunAsync(IServiceProvider services, GatehouseOptions options, TextWriter console, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var created = await provider.GetRequiredService<TenantSetup>()
            .CreateAsync(options.TenantId, options.TenantName, options.TenantDomain, options.AdminPassword, cancellationToken);
        if (!created.Succeeded)
        {
            // Another process (a second node, or the CLI) may have set the store up at the same moment.
            return await provider.GetRequiredService<GatehouseDb>().Tenants.AnyAsync(cancellationToken) ? null : created.Error.Message;
        }

        if (created.Value.GeneratedPassword is { } password)
        {
            await console.WriteLineAsync($"First administrator: {created.Value.Administrator.UserPrincipalName} with password {password} (shown once).");
            var passwordFile = provider.GetRequiredService<AdministratorPasswordFile>();
            if (passwordFile.Path is { } path)
            {
                await passwordFile.WriteAsync(password, cancellationToken);
                await console.WriteLineAsync($"It is also in {path} (readable by this user only).");
            }
        }

        return null;
    }
}
