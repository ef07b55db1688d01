using Gatehouse.Data;
using Gatehouse.DirectoryObjects.Roles;
using Gatehouse.DirectoryObjects.Users;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.DirectoryObjects.Tenants;

/// <summary>
/// A new tenant with its first administrator, admin@{domain}, a Global Administrator: what first start makes for the
/// default tenant and `gatehouse tenant create` for every other. All or nothing.
/// </summary>
internal sealed class TenantSetup(GatehouseDb db, TenantProvisioning tenants, UserAccounts users, DirectoryRoleAssignments roles)
{
    /// <param name="password">The administrator's password; null makes one (<see cref="SetUpTenant.GeneratedPassword"/>).</param>
    public async Task<Outcome<SetUpTenant, DirectoryError>> CreateAsync(
        Guid id, string displayName, string domain, string? password, CancellationToken cancellationToken)
    {
        var created = await db.Database.CreateExecutionStrategy()
            .ExecuteAsync(() => CreateInTransactionAsync(id, displayName, domain, password, cancellationToken));
        if (!created.Succeeded)
        {
            db.ChangeTracker.Clear();
        }

        return created;
    }

    private async Task<Outcome<SetUpTenant, DirectoryError>> CreateInTransactionAsync(
        Guid id, string displayName, string domain, string? password, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var tenant = await tenants.CreateAsync(id, displayName, domain, cancellationToken);
        if (!tenant.Succeeded)
        {
            return Outcome<SetUpTenant, DirectoryError>.Fail(tenant.Error);
        }

        var adminPassword = password ?? AdministratorPassword.Generate();
        var admin = await users.CreateAsync(
            tenant.Value.Id, new NewUser($"admin@{tenant.Value.DefaultDomain}", adminPassword, "Administrator"), cancellationToken);
        if (!admin.Succeeded)
        {
            return DirectoryError.Invalid($"The first administrator could not be created: {admin.Error.Message}");
        }

        var role = await roles.AddMemberAsync(tenant.Value.Id, DirectoryRoleTemplate.GlobalAdministrator, admin.Value.Id, cancellationToken);
        if (!role.Succeeded)
        {
            return role.Error;
        }

        await transaction.CommitAsync(cancellationToken);
        return new SetUpTenant(tenant.Value, admin.Value, password is null ? adminPassword : null);
    }
}

/// <param name="GeneratedPassword">The administrator's password when it was made here, to show once; null when it was given.</param>
internal sealed record SetUpTenant(Tenant Tenant, User Administrator, string? GeneratedPassword);
