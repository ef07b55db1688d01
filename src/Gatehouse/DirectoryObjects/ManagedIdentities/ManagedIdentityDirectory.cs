using System.Text.RegularExpressions;
using Gatehouse.Data;
using Gatehouse.DirectoryObjects.Consent;
using Gatehouse.DirectoryObjects.Credentials;
using Gatehouse.DirectoryObjects.Permissions;
using Gatehouse.DirectoryObjects.Permissions.FirstParty;
using Gatehouse.DirectoryObjects.ServicePrincipals;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.DirectoryObjects.ManagedIdentities;

/// <summary>
/// Makes managed identities: service principals of servicePrincipalType "ManagedIdentity" with no app registration
/// behind them, as Microsoft's first-party APIs are kept here. Entra hides a managed identity's backing application;
/// a row in Applications would have to be filtered out of Graph, the portal, the CLI and the tenant document, while a
/// service principal without one is a shape every reader already handles.
/// </summary>
internal sealed partial class ManagedIdentityDirectory(GatehouseDb db, TimeProvider clock, ApiResources apis, AppRoleAssignments assignments)
{
    public const string ServicePrincipalType = "ManagedIdentity";
    public const string SystemAssigned = "SystemAssigned";
    public const string UserAssigned = "UserAssigned";

    public async Task<Outcome<NewManagedIdentity, DirectoryError>> CreateAsync(Guid tenantId, string name, bool userAssigned, CancellationToken cancellationToken)
    {
        var displayName = name.Trim();
        if (!AzureResourceName().IsMatch(displayName))
        {
            return DirectoryError.Invalid("A managed identity's name is 3 to 128 letters, digits, hyphens and underscores, starting with a letter or digit.");
        }

        // A user-assigned identity's resource ID names it, so names are unique among the tenant's identities.
        if (await db.ServicePrincipals.AnyAsync(
            sp => sp.TenantId == tenantId && sp.ServicePrincipalType == ServicePrincipalType && sp.DisplayName == displayName, cancellationToken))
        {
            return DirectoryError.Conflict($"A managed identity named '{displayName}' already exists in this tenant.");
        }

        var identityHeader = userAssigned ? null : ClientSecretValue.New();
        var (salt, hash) = identityHeader is null ? (null, null) : ClientSecretHash.Compute(identityHeader);
        var identity = ServicePrincipal.Create(tenantId, Guid.NewGuid(), displayName, FirstPartyApi.MicrosoftServicesTenantId, clock.StoreNow());
        identity.ServicePrincipalType = ServicePrincipalType;
        identity.ManagedIdentityType = userAssigned ? UserAssigned : SystemAssigned;
        identity.IdentityHeaderSalt = salt;
        identity.IdentityHeaderHash = hash;
        db.ServicePrincipals.Add(identity);
        await db.SaveChangesAsync(cancellationToken);
        return new NewManagedIdentity(identity, identityHeader);
    }

    /// <summary>A managed identity of the tenant by its client ID, object ID or name.</summary>
    public async Task<Outcome<ServicePrincipal, DirectoryError>> FindAsync(Guid tenantId, string reference, CancellationToken cancellationToken)
    {
        var trimmed = reference.Trim();
        var id = Guid.TryParse(trimmed, out var parsed) ? parsed : Guid.Empty;
        var identity = await db.ServicePrincipals.FirstOrDefaultAsync(
            sp => sp.TenantId == tenantId && sp.ServicePrincipalType == ServicePrincipalType
                && (sp.AppId == id || sp.Id == id || sp.DisplayName == trimmed), cancellationToken);
        return identity is null ? DirectoryError.NotFound($"No managed identity '{reference}' in this tenant.") : identity;
    }

    /// <summary>
    /// Grants the identity an application permission of an API (an app role assignment), as Azure's documentation
    /// has it done with Graph's appRoleAssignments, since a managed identity has no app registration to consent for.
    /// </summary>
    public async Task<Outcome<AppRoleAssignment, DirectoryError>> GrantAsync(
        ServicePrincipal identity, string apiReference, string permissionReference, CancellationToken cancellationToken)
    {
        var api = await apis.FindAsync(identity.TenantId, apiReference, cancellationToken);
        if (!api.Succeeded)
        {
            return api.Error;
        }

        var wanted = permissionReference.Trim();
        var role = api.Value.ApplicationPermissions.FirstOrDefault(r =>
            string.Equals(r.Value, wanted, StringComparison.OrdinalIgnoreCase) || (Guid.TryParse(wanted, out var roleId) && roleId == r.Id));
        if (role is null)
        {
            return DirectoryError.NotFound($"{api.Value.DisplayName} has no Application permission named '{wanted}'.");
        }

        var resource = await db.ServicePrincipals.AsNoTracking()
            .FirstOrDefaultAsync(sp => sp.TenantId == identity.TenantId && sp.AppId == api.Value.AppId, cancellationToken);
        return resource is null
            ? DirectoryError.NotFound($"{api.Value.DisplayName} has no service principal in this tenant.")
            : await assignments.GrantAsync(identity.TenantId, identity.Id, resource.Id, role.Id, cancellationToken);
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]{2,127}$")]
    private static partial Regex AzureResourceName();
}

/// <summary>A new identity and, for a system-assigned one, its identity header: shown once, kept only as a hash.</summary>
internal sealed record NewManagedIdentity(ServicePrincipal Identity, string? IdentityHeader);
