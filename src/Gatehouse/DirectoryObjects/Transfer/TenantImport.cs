using System.Text.Json.Nodes;
using Gatehouse.Data;
using Gatehouse.DirectoryObjects.Consent;
using Gatehouse.DirectoryObjects.Logs;
using Gatehouse.DirectoryObjects.Roles;
using Gatehouse.DirectoryObjects.Tenants;
using Gatehouse.DirectoryObjects.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.DirectoryObjects.Transfer;

/// <summary>
/// Writes a <see cref="TenantDocument"/> into its tenant: merged (the default) or replacing whatever the tenant held.
/// All or nothing: the document is read and checked first, then written in one transaction, audited as one
/// "Import tenant" entry. A tenant that had a Global Administrator who can sign in keeps one, or nothing is written.
/// </summary>
internal sealed class TenantImport(
    GatehouseDb db, TimeProvider clock, IPasswordHasher<User> hasher, DirectoryReferences references, AdminConsent adminConsent,
    TenantRemoval removal, TenantLookup lookup, AdministratorPasswordFile passwordFile)
{
    /// <summary>Merges the document into its tenant.</summary>
    public Task<Outcome<ImportSummary, DirectoryError>> ImportAsync(ReadOnlyMemory<byte> json, CancellationToken cancellationToken) =>
        ImportAsync(json, ImportMode.Merge, cancellationToken);

    public async Task<Outcome<ImportSummary, DirectoryError>> ImportAsync(ReadOnlyMemory<byte> json, ImportMode mode, CancellationToken cancellationToken)
    {
        var read = TenantDocumentReader.Read(json.Span);
        if (!read.Succeeded)
        {
            return read.Error;
        }

        var document = read.Value;
        var tenantId = document.Tenant.Id;
        var known = mode == ImportMode.Merge ? await KnownObjectsAsync(tenantId, cancellationToken) : KnownObjects.None;
        if (TenantDocumentRules.Check(document, known) is { } problem)
        {
            return DirectoryError.Invalid(problem);
        }

        if (await ConflictWithOtherTenantsAsync(document, cancellationToken) is { } conflict)
        {
            return DirectoryError.Conflict(conflict);
        }

        var defaultTenant = await lookup.ResolveAsync(null, cancellationToken);
        var strategy = db.Database.CreateExecutionStrategy();
        var imported = await strategy.ExecuteAsync(async () =>
        {
            SummarizedAudit.Begin();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            db.ChangeTracker.Clear();
            var hadAdministrator = await HasSignableAdministratorAsync(tenantId, cancellationToken);
            if (mode == ImportMode.Replace)
            {
                await removal.RemoveDirectoryAsync(tenantId, cancellationToken);
            }

            var written = await new DocumentWriter(db, references, hasher, document, known, clock.StoreNow()).WriteAsync(cancellationToken);
            if (!written.Succeeded)
            {
                return Outcome<ImportSummary, DirectoryError>.Fail(written.Error);
            }

            var (summary, toConsent) = written.Value;

            // By object ID, not by name: apps may share a display name, and a hand-written document may give no IDs.
            foreach (var applicationId in toConsent)
            {
                var application = await db.Applications.SingleAsync(a => a.Id == applicationId, cancellationToken);
                var granted = await adminConsent.GrantAsync(application, tenantId, cancellationToken);
                if (!granted.Succeeded)
                {
                    return Outcome<ImportSummary, DirectoryError>.Fail(granted.Error);
                }
            }

            if (hadAdministrator && !await HasSignableAdministratorAsync(tenantId, cancellationToken))
            {
                return Outcome<ImportSummary, DirectoryError>.Fail(DirectoryError.Invalid(
                    $"$.directoryRoles: the import would leave tenant {tenantId} without a Global Administrator who can sign in; "
                    + "list one (an enabled user with a password or passwordHash, and a member of Global Administrator) in the document."));
            }

            summary = summary with { Mode = mode == ImportMode.Merge ? "merge" : "replace" };
            db.DirectoryAudits.Add(AuditEntry(summary, document.Tenant.DisplayName));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return summary;
        });
        db.ChangeTracker.Clear();
        if (!imported.Succeeded || !defaultTenant.Succeeded || defaultTenant.Value.Id != tenantId)
        {
            return imported;
        }

        return imported.Value with { AdministratorPasswordFileRemoved = await RemoveStalePasswordFileAsync(tenantId, cancellationToken) };
    }

    /// <summary>The import's one audit entry, with its mode and what it wrote, rather than an entry for each object.</summary>
    private static DirectoryAuditEntry AuditEntry(ImportSummary summary, string tenantName) => DirectoryAuditEntry.About(
        summary.TenantId, "DirectoryManagement", ("Import tenant", "Update"), "Tenant", summary.TenantId.ToString(), tenantName,
        new JsonArray(
        [
            DirectoryAuditEntry.ModifiedProperty("Mode", null, summary.Mode),
            DirectoryAuditEntry.ModifiedProperty("Users", null, summary.Users),
            DirectoryAuditEntry.ModifiedProperty("Groups", null, summary.Groups),
            DirectoryAuditEntry.ModifiedProperty("Applications", null, summary.Applications),
            DirectoryAuditEntry.ModifiedProperty("ServicePrincipals", null, summary.ServicePrincipals),
            DirectoryAuditEntry.ModifiedProperty("AppRoleAssignments", null, summary.AppRoleAssignments),
            DirectoryAuditEntry.ModifiedProperty("Oauth2PermissionGrants", null, summary.Oauth2PermissionGrants),
        ]).ToJsonString());

    private async Task<KnownObjects> KnownObjectsAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        var users = await db.Users.AsNoTracking().Where(u => u.TenantId == tenantId).Select(u => u.Id).ToListAsync(cancellationToken);
        var groups = await db.Groups.AsNoTracking().Where(g => g.TenantId == tenantId).Select(g => g.Id).ToListAsync(cancellationToken);
        var servicePrincipals = await db.ServicePrincipals.AsNoTracking().Where(sp => sp.TenantId == tenantId).Select(sp => sp.Id).ToListAsync(cancellationToken);
        var appIds = await db.Applications.AsNoTracking().Where(a => a.TenantId == tenantId).Select(a => a.AppId).ToListAsync(cancellationToken);
        var principals = users.Select(id => (id, DirectoryObjectType.User))
            .Concat(groups.Select(id => (id, DirectoryObjectType.Group)))
            .Concat(servicePrincipals.Select(id => (id, DirectoryObjectType.ServicePrincipal)))
            .ToDictionary(p => p.id, p => p.Item2);
        return new KnownObjects(principals, appIds.ToHashSet());
    }

    /// <summary>An enabled user with a password who is a Global Administrator of the tenant.</summary>
    private Task<bool> HasSignableAdministratorAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        var administrators = db.DirectoryRoleMembers
            .Where(m => m.TenantId == tenantId && m.RoleTemplateId == DirectoryRoleTemplate.GlobalAdministrator.Id)
            .Select(m => m.PrincipalId);
        return db.Users.AnyAsync(u => u.TenantId == tenantId && u.AccountEnabled && u.PasswordHash != null && administrators.Contains(u.Id), cancellationToken);
    }

    /// <summary>
    /// Removes admin-password.txt when its password signs in none of the default tenant's Global Administrators any
    /// more. Rewriting it is not possible: a document carries password hashes, not passwords.
    /// </summary>
    private async Task<bool> RemoveStalePasswordFileAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        if (await passwordFile.ReadAsync(cancellationToken) is not { } password)
        {
            return false;
        }

        var administrators = db.DirectoryRoleMembers
            .Where(m => m.TenantId == tenantId && m.RoleTemplateId == DirectoryRoleTemplate.GlobalAdministrator.Id)
            .Select(m => m.PrincipalId);
        var candidates = await db.Users.AsNoTracking()
            .Where(u => u.TenantId == tenantId && u.AccountEnabled && u.PasswordHash != null && administrators.Contains(u.Id))
            .ToListAsync(cancellationToken);
        if (candidates.Any(u => hasher.VerifyHashedPassword(u, u.PasswordHash!, password) != PasswordVerificationResult.Failed))
        {
            return false;
        }

        passwordFile.Remove();
        return true;
    }

    private async Task<string?> ConflictWithOtherTenantsAsync(TenantDocument document, CancellationToken cancellationToken)
    {
        var tenantId = document.Tenant.Id;
        var domains = document.Tenant.Domains.Select(d => d.Name.ToLowerInvariant()).ToList();
        var takenDomain = await db.TenantDomains.Where(d => d.TenantId != tenantId && domains.Contains(d.Name)).Select(d => d.Name).FirstOrDefaultAsync(cancellationToken);
        if (takenDomain is not null)
        {
            return $"$.tenant.domains: the domain '{takenDomain}' belongs to another tenant.";
        }

        var appIds = document.Applications.Where(a => a.AppId is not null).Select(a => a.AppId!.Value).ToList();
        var takenAppId = await db.Applications.IgnoreQueryFilters().Where(a => a.TenantId != tenantId && appIds.Contains(a.AppId)).Select(a => (Guid?)a.AppId).FirstOrDefaultAsync(cancellationToken);
        if (takenAppId is not null)
        {
            return $"$.applications: the application ID {takenAppId} belongs to an app of another tenant.";
        }

        var ids = document.Users.Select(u => u.Id).Concat(document.Groups.Select(g => g.Id)).Concat(document.Applications.Select(a => a.Id))
            .OfType<Guid>().Concat(document.ServicePrincipals.Select(sp => sp.Id)).ToList();
        var takenId = await db.Users.Where(u => u.TenantId != tenantId && ids.Contains(u.Id)).Select(u => (Guid?)u.Id)
            .Concat(db.Groups.Where(g => g.TenantId != tenantId && ids.Contains(g.Id)).Select(g => (Guid?)g.Id))
            .Concat(db.Applications.IgnoreQueryFilters().Where(a => a.TenantId != tenantId && ids.Contains(a.Id)).Select(a => (Guid?)a.Id))
            .Concat(db.ServicePrincipals.IgnoreQueryFilters().Where(sp => sp.TenantId != tenantId && ids.Contains(sp.Id)).Select(sp => (Guid?)sp.Id))
            .FirstOrDefaultAsync(cancellationToken);
        return takenId is null ? null : $"The object ID {takenId} belongs to an object of another tenant.";
    }
}
