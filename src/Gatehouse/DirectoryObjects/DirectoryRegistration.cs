using Gatehouse.DirectoryObjects.Applications;
using Gatehouse.DirectoryObjects.Calendars;
using Gatehouse.DirectoryObjects.Consent;
using Gatehouse.DirectoryObjects.Credentials;
using Gatehouse.DirectoryObjects.Devices;
using Gatehouse.DirectoryObjects.Groups;
using Gatehouse.DirectoryObjects.Logs;
using Gatehouse.DirectoryObjects.ManagedIdentities;
using Gatehouse.DirectoryObjects.Permissions;
using Gatehouse.DirectoryObjects.Roles;
using Gatehouse.DirectoryObjects.SampleData;
using Gatehouse.DirectoryObjects.ServicePrincipals;
using Gatehouse.DirectoryObjects.Tenants;
using Gatehouse.DirectoryObjects.Transfer;
using Gatehouse.DirectoryObjects.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Gatehouse.DirectoryObjects;

internal static class DirectoryRegistration
{
    /// <summary>The directory operations that the CLI, the portal, Graph and the token service share.</summary>
    /// <param name="signInFailures">Failed sign-ins per remote address before it is refused; null: no limit.</param>
    public static IServiceCollection AddDirectory(this IServiceCollection services, FailureLimit? signInFailures)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IPasswordHasher<User>, PasswordHasher<User>>();
        services.AddSingleton(provider => new FailureWindows<SignInAddress>(signInFailures, provider.GetRequiredService<TimeProvider>()));
        services.AddScoped<DirectoryObjectTypes>();
        services.AddScoped<DirectoryReferences>();
        services.AddScoped<DeviceRegistrations>();
        services.AddScoped<TenantDomains>();
        services.AddScoped<PrincipalNames>();
        services.AddScoped<TenantLookup>();
        services.AddScoped<TenantProvisioning>();
        services.AddScoped<TenantSetup>();
        services.AddScoped<TenantRemoval>();
        services.AddScoped<TenantPolicies>();
        services.AddScoped<UserAccounts>();
        services.AddScoped<PasswordSignIn>();
        services.AddScoped<GroupMemberships>();
        services.AddScoped<DirectoryRoleAssignments>();
        services.AddScoped<ServicePrincipalDirectory>();
        services.AddScoped<ManagedIdentityDirectory>();
        services.AddScoped<ApplicationRegistrations>();
        services.AddScoped<ExposedApi>();
        services.AddScoped<ApplicationManifest>();
        services.AddScoped<ApplicationSettings>();
        services.AddScoped<ApplicationLogos>();
        services.AddScoped<ApplicationOwnership>();
        services.AddScoped<ApplicationAdministrators>();
        services.AddScoped<ApplicationManagers>();
        services.AddScoped<ClientSecrets>();
        services.AddScoped<ClientCertificates>();
        services.AddScoped<ApiResources>();
        services.AddScoped<ApiPermissions>();
        services.AddScoped<AdminConsent>();
        services.AddScoped<UserConsent>();
        services.AddScoped<AppRoleAssignments>();
        services.AddScoped<PermissionGrants>();
        services.AddScoped<UsersAndGroupsAssignments>();
        services.AddScoped<UserCalendars>();
        services.AddScoped<CalendarEvents>();
        services.AddScoped<SampleDataSeed>();
        services.AddScoped<TenantExport>();
        services.AddScoped<TenantImport>();
        services.TryAddSingleton(new AdministratorPasswordFile(null));
        services.AddScoped<ActivityLogQueries>();
        return services;
    }
}
