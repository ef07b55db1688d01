using Gatehouse.Connectors;
using Gatehouse.Data;
using Gatehouse.Dataverse;
using Gatehouse.DirectoryObjects;
using Gatehouse.DirectoryObjects.ServicePrincipals;
using Gatehouse.DirectoryObjects.Tenants;
using Gatehouse.Identity.Keys;
using Microsoft.AspNetCore.DataProtection;

namespace Gatehouse.Hosting;

/// <summary>Opens the configured store for the server and for the management verbs alike.</summary>
internal static class StoreHost
{
    public const string DataProtectionApplicationName = "Gatehouse";

    /// <param name="keyEncryptionKey">Read by <see cref="KeyEncryptionKey.Read"/>; checked against the stored ring by <see cref="PrepareAsync"/>.</param>
    public static IServiceCollection AddGatehouseCore(this IServiceCollection services, GatehouseOptions options, KeyEncryptionKey keyEncryptionKey)
    {
        services.AddSingleton(options);
        services.AddSingleton(new AdministratorPasswordFile(options.InMemory ? null : Path.Combine(options.DataFolder, AdministratorPasswordFile.FileName)));
        services.AddGatehouseStore(options.CreateStoreSettings());
        services.AddDirectory(options.SignInFailures);
        services.AddDataverseOperations();
        services.AddHubAccounts();
        services.AddSingleton<SigningKeyRing>();
        services.AddSingleton(keyEncryptionKey);
        services.AddDataProtection()
            .SetApplicationName(DataProtectionApplicationName)
            .PersistKeysToDbContext<GatehouseDb>()
            .ProtectKeysWithCertificate(keyEncryptionKey.Certificate)
            .UnprotectKeysWithAnyCertificate(keyEncryptionKey.Certificate);
        return services;
    }

    /// <summary>
    /// Creates the data folder (owner-only), applies migrations, opens the key ring with its key-encryption key (or
    /// refuses), makes the store's files owner-only and runs the first
    /// start when the store is empty; on a store already set up, adds the first-party service principals a newer
    /// catalogue brought.
    /// </summary>
    public static async Task<string?> PrepareAsync(IServiceProvider services, GatehouseOptions options, TextWriter console, CancellationToken cancellationToken)
    {
        if (!options.InMemory && !Directory.Exists(options.DataFolder))
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(options.DataFolder);
            }
            else
            {
                Directory.CreateDirectory(options.DataFolder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }

        if (await services.MigrateStoreAsync(cancellationToken) is { } problem)
        {
            return problem;
        }

        await ClockOffsetStart.FollowAsync(services, cancellationToken);

        if (await KeyRingEncryption.PrepareAsync(services, options, cancellationToken) is { } keyRingProblem)
        {
            return keyRingProblem;
        }

        SqliteFiles.RestrictToOwner(services.GetRequiredService<StoreSettings>());

        if (!await FirstStart.IsPendingAsync(services, cancellationToken))
        {
            await using (var scope = services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<ServicePrincipalDirectory>().AddMissingFirstPartyServicePrincipalsAsync(cancellationToken);
            }

            return await AdminPasswordSafety.CheckAsync(services, options, cancellationToken);
        }

        return AdminPasswordSafety.CheckFirstStart(options)
            ?? await FirstStart.RunAsync(services, options, console, cancellationToken);
    }
}
