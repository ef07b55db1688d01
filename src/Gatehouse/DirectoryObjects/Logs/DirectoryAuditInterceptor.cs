using System.Text.Json.Nodes;
using Gatehouse.DirectoryObjects.Applications;
using Gatehouse.DirectoryObjects.Consent;
using Gatehouse.DirectoryObjects.Credentials;
using Gatehouse.DirectoryObjects.Groups;
using Gatehouse.DirectoryObjects.Roles;
using Gatehouse.DirectoryObjects.ServicePrincipals;
using Gatehouse.DirectoryObjects.Tenants;
using Gatehouse.DirectoryObjects.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Gatehouse.DirectoryObjects.Logs;

/// <summary>
/// Writes the audit entries of a save into the same save (docs/protocol/graph-dataverse.md §2.9): every change the
/// CLI, the portal or Graph makes passes through the directory's operations and their one store, so the entries are
/// the same whichever surface asked, and a change is never saved without its entry. Secret hashes, keys and password
/// hashes are never written into an entry; a credential is named by its key ID, hint or thumbprint.
/// </summary>
internal sealed class DirectoryAuditInterceptor(TimeProvider clock) : SaveChangesInterceptor
{
    /// <summary>Bookkeeping of sign-ins and derived columns, which are no change an administrator made.</summary>
    private static readonly HashSet<string> Unaudited = new(StringComparer.Ordinal)
    {
        nameof(User.FailedSignInCount), nameof(User.LockoutEnd), nameof(User.PasswordHash), nameof(User.HasWellKnownPassword),
        nameof(User.NormalizedUserPrincipalName), nameof(User.NormalizedDisplayName), nameof(PasswordCredential.SecretHash), nameof(PasswordCredential.SecretSalt),
        nameof(KeyCredential.Key), nameof(KeyCredential.CustomKeyIdentifier), nameof(ServicePrincipal.IdentityHeaderSalt), nameof(ServicePrincipal.IdentityHeaderHash),
    };

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Audit(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Audit(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Audit(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        // An operation's own entry (a summarized one's) is stamped and named here like those described below.
        var written = context.ChangeTracker.Entries<DirectoryAuditEntry>()
            .Where(e => e.State == EntityState.Added && e.Entity.ActivityDateTime == default)
            .Select(e => e.Entity)
            .ToList();
        var changed = SummarizedAudit.IsActive ? [] : context.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && e.Entity is not (SignInLogEntry or DirectoryAuditEntry))
            .ToList();
        if (changed.Count == 0 && written.Count == 0)
        {
            return;
        }

        var now = clock.StoreNow();
        var initiator = AuditInitiator.Current;
        var described = changed.SelectMany(e => Describe(context, e)).ToList();
        described.AddRange(ApplicationPartsChanged(context, changed));
        foreach (var entry in described.Concat(written))
        {
            entry.ActivityDateTime = now;
            Name(context, entry, initiator);
        }

        context.AddRange(described);
    }

    private static IEnumerable<DirectoryAuditEntry> Describe(DbContext context, EntityEntry e) => e.Entity switch
    {
        Application app => [Entry(e, app.TenantId, "ApplicationManagement", "Application", app.Id.ToString(), app.DisplayName,
            e.State == EntityState.Deleted || (e.Property(nameof(Application.DeletedDateTime)).IsModified && app.DeletedDateTime is not null)
                ? ("Delete application", "Delete")
                : Verbs(e, "Add application", "Update application", "Delete application"))],
        ServicePrincipal sp => [Entry(e, sp.TenantId, "ApplicationManagement", "ServicePrincipal", sp.Id.ToString(), sp.DisplayName,
            Verbs(e, "Add service principal", "Update service principal", "Remove service principal"))],
        PasswordCredential secret when OwnerOf(context, secret.ApplicationId) is { } app => [Credential(e, app, "Password", secret.KeyId, secret.DisplayName, $"Hint={secret.Hint}")],
        KeyCredential certificate when OwnerOf(context, certificate.ApplicationId) is { } app =>
            [Credential(e, app, "AsymmetricX509Cert", certificate.KeyId, certificate.DisplayName, $"Thumbprint={certificate.Thumbprint}")],
        AppRoleAssignment assignment => [Entry(e, assignment.TenantId, "ApplicationManagement", assignment.PrincipalType.ToString(), assignment.PrincipalId.ToString(), null,
            assignment.PrincipalType == DirectoryObjectType.User
                ? Verbs(e, "Add app role assignment grant to user", "Update app role assignment grant to user", "Remove app role assignment from user")
                : Verbs(e, "Add app role assignment to service principal", "Update app role assignment to service principal", "Remove app role assignment from service principal"))],
        OAuth2PermissionGrant grant => [Entry(e, grant.TenantId, "ApplicationManagement", "ServicePrincipal", grant.ClientId.ToString(), null,
            Verbs(e, "Add delegated permission grant", "Update delegated permission grant", "Remove delegated permission grant"))],
        User user when IsAudited(e) => [Entry(e, user.TenantId, "UserManagement", "User", user.Id.ToString(), user.DisplayName,
            Verbs(e, "Add user", "Update user", "Delete user")) with { TargetUserPrincipalName = user.UserPrincipalName }],
        DirectoryRoleMember member => [Entry(e, member.TenantId, "RoleManagement", member.PrincipalType.ToString(), member.PrincipalId.ToString(), null,
            Verbs(e, "Add member to role", "Update role member", "Remove member from role"))],
        Group group => [Entry(e, group.TenantId, "GroupManagement", "Group", group.Id.ToString(), group.DisplayName,
            Verbs(e, "Add group", "Update group", "Delete group"))],
        GroupMember member when context.Find<Group>(member.GroupId) is { } group => [Entry(e, group.TenantId, "GroupManagement", "Group", group.Id.ToString(), group.DisplayName,
            Verbs(e, "Add member to group", "Update group member", "Remove member from group"))],
        GroupOwner owner when context.Find<Group>(owner.GroupId) is { } group => [Entry(e, group.TenantId, "GroupManagement", "Group", group.Id.ToString(), group.DisplayName,
            Verbs(e, "Add owner to group", "Update group owner", "Remove owner from group"))],
        Tenant tenant when e.State == EntityState.Added => [Entry(e, tenant.Id, "DirectoryManagement", "Tenant", tenant.Id.ToString(), tenant.DisplayName, ("Create company", "Add"))],
        _ when e.Metadata.GetTableName() == "SigningKeys" && e.State == EntityState.Added => context.Set<Tenant>().AsNoTracking().Select(t => t.Id).ToList()
            .Select(tenantId => Entry(e, tenantId, "KeyManagement", "SigningKey", e.Property("Kid").CurrentValue as string, "Token signing key", ("Rotate signing key", "Add"))),
        _ => [],
    };

    /// <summary>An app's permissions, scopes or roles (stored inside the application's row) changed: one "Update application" per app.</summary>
    private static IEnumerable<DirectoryAuditEntry> ApplicationPartsChanged(DbContext context, List<EntityEntry> changed)
    {
        var parts = changed.Where(e => e.Metadata.IsOwned()).Select(e => e.Entity).ToList();
        if (parts.Count == 0)
        {
            return [];
        }

        return context.ChangeTracker.Entries<Application>()
            .Where(a => a.State == EntityState.Unchanged || a.State == EntityState.Modified)
            .Select(a => (Entry: a, Changed: ChangedParts(a.Entity, parts)))
            .Where(a => a.Changed.Count > 0)
            .Select(a => Entry(a.Entry, a.Entry.Entity.TenantId, "ApplicationManagement", "Application", a.Entry.Entity.Id.ToString(), a.Entry.Entity.DisplayName,
                ("Update application", "Update")) with
            {
                ModifiedProperties = new JsonArray([.. a.Changed.Select(p => DirectoryAuditEntry.ModifiedProperty(p.Name, null, p.Value))]).ToJsonString(),
            });
    }

    private static List<(string Name, object Value)> ChangedParts(Application app, List<object> parts)
    {
        var found = new List<(string Name, object Value)>();
        if (parts.Any(p => app.RequiredResourceAccess.Contains(p) || app.RequiredResourceAccess.Any(r => r.ResourceAccess.Contains(p))))
        {
            found.Add((nameof(Application.RequiredResourceAccess), app.RequiredResourceAccess));
        }

        if (parts.Any(p => app.AppRoles.Contains(p)))
        {
            found.Add((nameof(Application.AppRoles), app.AppRoles));
        }

        if (parts.Any(p => app.Oauth2PermissionScopes.Contains(p)))
        {
            found.Add((nameof(Application.Oauth2PermissionScopes), app.Oauth2PermissionScopes));
        }

        return found;
    }

    private static Application? OwnerOf(DbContext context, Guid applicationId) =>
        context.ChangeTracker.Entries<Application>().Select(a => a.Entity).FirstOrDefault(a => a.Id == applicationId) ?? context.Find<Application>(applicationId);

    /// <summary>Entra's "Update application – Certificates and secrets management", with the credential named by its key ID.</summary>
    private static DirectoryAuditEntry Credential(EntityEntry e, Application app, string keyType, Guid keyId, string? displayName, string identity)
    {
        var description = $"[KeyIdentifier={keyId},KeyType={keyType},KeyUsage=Verify,DisplayName={displayName},{identity}]";
        var added = e.State == EntityState.Added;
        return DirectoryAuditEntry.About(app.TenantId, "ApplicationManagement", ("Update application – Certificates and secrets management", "Update"),
            "Application", app.Id.ToString(), app.DisplayName,
            new JsonArray(DirectoryAuditEntry.ModifiedProperty("KeyDescription", added ? null : description, added ? description : null)).ToJsonString());
    }

    private static DirectoryAuditEntry Entry(
        EntityEntry e, Guid tenantId, string category, string targetType, string? targetId, string? targetName, (string Activity, string Operation) verb) =>
        DirectoryAuditEntry.About(tenantId, category, verb, targetType, targetId, targetName, Modified(e));

    private static (string Activity, string Operation) Verbs(EntityEntry e, string added, string updated, string deleted) => e.State switch
    {
        EntityState.Added => (added, "Add"),
        EntityState.Deleted => (deleted, "Delete"),
        _ => (updated, "Update"),
    };

    /// <summary>A user row changes on every sign-in (the failed-attempt count); only changes beyond that are audited.</summary>
    private static bool IsAudited(EntityEntry e) =>
        e.State != EntityState.Modified || e.Properties.Any(p => p.IsModified && !Unaudited.Contains(p.Metadata.Name));

    /// <summary>The properties a change set (new values) or changed (old and new), as Graph's modifiedProperties.</summary>
    private static string Modified(EntityEntry e)
    {
        var properties = e.State switch
        {
            EntityState.Added => e.Properties.Where(p => p.CurrentValue is not null && !p.Metadata.IsShadowProperty()),
            EntityState.Modified => e.Properties.Where(p => p.IsModified),
            _ => [],
        };
        return new JsonArray([.. properties
            .Where(p => !Unaudited.Contains(p.Metadata.Name) && p.Metadata.ClrType != typeof(byte[]))
            .Select(p => DirectoryAuditEntry.ModifiedProperty(p.Metadata.Name, e.State == EntityState.Modified ? p.OriginalValue : null, p.CurrentValue))]).ToJsonString();
    }

    /// <summary>The initiator's names: a user's and an app's are looked up from their IDs when the surface gave only those.</summary>
    private static void Name(DbContext context, DirectoryAuditEntry entry, AuditInitiator? initiator)
    {
        entry.InitiatorType = initiator?.Type ?? AuditInitiator.Server;
        entry.InitiatorId = initiator?.Id;
        entry.InitiatorAppId = initiator?.AppId;
        entry.InitiatorIpAddress = initiator?.IpAddress;
        entry.InitiatorDisplayName = initiator?.DisplayName;
        entry.InitiatorUserPrincipalName = initiator?.UserPrincipalName;
        if (initiator is { Type: AuditInitiator.User, Id: { } userId, UserPrincipalName: null } && context.Find<User>(userId) is { } user)
        {
            entry.InitiatorDisplayName = user.DisplayName;
            entry.InitiatorUserPrincipalName = user.UserPrincipalName;
        }
        else if (initiator is { Type: AuditInitiator.App, Id: { } servicePrincipalId, DisplayName: null } && context.Find<ServicePrincipal>(servicePrincipalId) is { } sp)
        {
            entry.InitiatorDisplayName = sp.DisplayName;
        }
    }
}
