using Gatehouse.Connectors.Events;
using Gatehouse.Connectors.Instances;
using Gatehouse.Connectors.Organizations;
using Gatehouse.Dataverse.Tables;
using Gatehouse.DirectoryObjects.Applications;
using Gatehouse.DirectoryObjects.Calendars;
using Gatehouse.DirectoryObjects.Consent;
using Gatehouse.DirectoryObjects.Credentials;
using Gatehouse.DirectoryObjects.Devices;
using Gatehouse.DirectoryObjects.Groups;
using Gatehouse.DirectoryObjects.Logs;
using Gatehouse.DirectoryObjects.Roles;
using Gatehouse.DirectoryObjects.ServicePrincipals;
using Gatehouse.DirectoryObjects.Tenants;
using Gatehouse.DirectoryObjects.Users;
using Gatehouse.Identity.Clients;
using Gatehouse.Identity.Issuance;
using Gatehouse.Identity.Keys;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Data;

/// <summary>
/// The store. Provider-specific subclasses (<see cref="SqliteGatehouseDb"/>, <see cref="PostgresGatehouseDb"/>)
/// exist only so that each provider has its own migration set; the model is the same.
/// </summary>
internal abstract class GatehouseDb(DbContextOptions options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<Tenant> Tenants => Set<Tenant>();
    public DbSet<TenantDomain> TenantDomains => Set<TenantDomain>();
    public DbSet<User> Users => Set<User>();
    public DbSet<Group> Groups => Set<Group>();
    public DbSet<GroupMember> GroupMembers => Set<GroupMember>();
    public DbSet<GroupOwner> GroupOwners => Set<GroupOwner>();
    public DbSet<Device> Devices => Set<Device>();
    public DbSet<DirectoryRoleMember> DirectoryRoleMembers => Set<DirectoryRoleMember>();
    public DbSet<Application> Applications => Set<Application>();
    public DbSet<ApplicationLogo> ApplicationLogos => Set<ApplicationLogo>();
    public DbSet<ApplicationOwner> ApplicationOwners => Set<ApplicationOwner>();
    public DbSet<PasswordCredential> PasswordCredentials => Set<PasswordCredential>();
    public DbSet<KeyCredential> KeyCredentials => Set<KeyCredential>();
    public DbSet<ServicePrincipal> ServicePrincipals => Set<ServicePrincipal>();
    public DbSet<AppRoleAssignment> AppRoleAssignments => Set<AppRoleAssignment>();
    public DbSet<OAuth2PermissionGrant> OAuth2PermissionGrants => Set<OAuth2PermissionGrant>();
    public DbSet<Calendar> Calendars => Set<Calendar>();
    public DbSet<Event> Events => Set<Event>();
    public DbSet<SigningKey> SigningKeys => Set<SigningKey>();
    public DbSet<UsedClientAssertion> UsedClientAssertions => Set<UsedClientAssertion>();
    public DbSet<AuthorizationCode> AuthorizationCodes => Set<AuthorizationCode>();
    public DbSet<RefreshToken> RefreshTokens => Set<RefreshToken>();
    public DbSet<Account> DataverseAccounts => Set<Account>();
    public DbSet<Contact> DataverseContacts => Set<Contact>();
    public DbSet<Lead> DataverseLeads => Set<Lead>();
    public DbSet<Opportunity> DataverseOpportunities => Set<Opportunity>();
    public DbSet<SystemUser> DataverseSystemUsers => Set<SystemUser>();
    public DbSet<SystemUserRole> DataverseSystemUserRoles => Set<SystemUserRole>();
    public DbSet<DeviceAuthorization> DeviceAuthorizations => Set<DeviceAuthorization>();
    public DbSet<HubOrganization> HubOrganizations => Set<HubOrganization>();
    public DbSet<HubUser> HubUsers => Set<HubUser>();
    public DbSet<HubInstance> HubInstances => Set<HubInstance>();
    public DbSet<HubEventDelivery> HubEventDeliveries => Set<HubEventDelivery>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<SignInLogEntry> SignInLogs => Set<SignInLogEntry>();
    public DbSet<DirectoryAuditEntry> DirectoryAudits => Set<DirectoryAuditEntry>();

    /// <summary>The type the provider's migrations are filed under in their class library (<see cref="ProviderMigrationsAssembly"/>).</summary>
    internal abstract Type MigrationsKey { get; }

    /// <summary>The migration IDs the provider's <c>Initial</c> replaced (<see cref="SquashedMigrationHistory"/>).</summary>
    internal abstract IReadOnlyList<string> SquashedMigrationIds { get; }

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(GatehouseDb).Assembly);
}
