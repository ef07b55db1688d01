using Gatehouse.Data;
using Gatehouse.DirectoryObjects.Groups;
using Gatehouse.DirectoryObjects.Roles;
using Gatehouse.DirectoryObjects.Tenants;
using Gatehouse.DirectoryObjects.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.DirectoryObjects.Transfer;

/// <summary>
/// Writes a checked <see cref="TenantDocument"/> into its tenant, in the caller's transaction: each object the document
/// lists is matched by its ID, else by its name (userPrincipalName; a group's displayName when the document gives no
/// ID; appId), and then takes the document's properties, or is created. Members, owners, role members, credentials,
/// permissions, app role assignments and grants are added or updated one by one; nothing the document does not list
/// is removed. An object of the same name under another ID gives way to the document's: a user or an app is replaced
/// (<see cref="DisplaceUsersAsync"/>), a service principal takes the document's ID with its links
/// (<see cref="RekeyServicePrincipalAsync"/>).
/// Into an emptied tenant this is a replace.
/// </summary>
internal sealed partial class DocumentWriter(
    GatehouseDb db, DirectoryReferences references, IPasswordHasher<User> hasher, TenantDocument document, KnownObjects known, DateTimeOffset now)
{
    private readonly Guid tenantId = document.Tenant.Id;
    private readonly Dictionary<Guid, DirectoryObjectType> principalTypes = new(known.Principals);

    /// <summary>Saves the document's objects; returns what it wrote and the apps to grant admin consent for.</summary>
    public async Task<Outcome<(ImportSummary Summary, List<Guid> ToConsent), DirectoryError>> WriteAsync(CancellationToken cancellationToken)
    {
        await WriteTenantAsync(cancellationToken);
        await WriteUsersAsync(cancellationToken);
        var groups = await WriteGroupsAsync(cancellationToken);
        if (!groups.Succeeded)
        {
            return groups.Error;
        }

        var applications = await WriteApplicationsAsync(cancellationToken);
        if (!applications.Succeeded)
        {
            return applications.Error;
        }

        var servicePrincipals = await WriteServicePrincipalsAsync(applications.Value, cancellationToken);
        if (!servicePrincipals.Succeeded)
        {
            return servicePrincipals.Error;
        }

        await WriteMembershipsAsync(groups.Value, applications.Value, cancellationToken);
        await WriteConsentAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);

        var summary = new ImportSummary(tenantId, document.Users.Count, document.Groups.Count, document.Applications.Count, servicePrincipals.Value,
            document.AppRoleAssignments.Count, document.Oauth2PermissionGrants.Count);
        var toConsent = applications.Value.Zip(document.Applications).Where(pair => pair.Second.GrantAdminConsent == true).Select(pair => pair.First.Id).ToList();
        return (summary, toConsent);
    }

    private async Task WriteTenantAsync(CancellationToken cancellationToken)
    {
        var entry = document.Tenant;
        var tenant = await db.Tenants.Include(t => t.Domains).FirstOrDefaultAsync(t => t.Id == tenantId, cancellationToken);
        if (tenant is null)
        {
            tenant = new Tenant { Id = tenantId, CreatedDateTime = now };
            db.Tenants.Add(tenant);
        }

        tenant.DisplayName = entry.DisplayName;
        tenant.CreatedDateTime = Stored(entry.CreatedDateTime) ?? tenant.CreatedDateTime;
        tenant.UsersCanRegisterApplications = entry.UsersCanRegisterApplications;
        tenant.MaxSecretLifetimeDays = entry.MaxSecretLifetimeDays;
        foreach (var domainEntry in entry.Domains)
        {
            var name = domainEntry.Name.ToLowerInvariant();
            var domain = tenant.Domains.FirstOrDefault(d => d.Name == name);
            if (domain is null)
            {
                domain = new TenantDomain { Name = name, TenantId = tenantId };
                tenant.Domains.Add(domain);
            }

            domain.IsInitial = domainEntry.IsInitial;
            domain.IsVerified = domainEntry.IsVerified;
        }

        // The document's default wins; without one, the tenant keeps its own, and a new tenant takes the first listed.
        var defaultName = entry.Domains.FirstOrDefault(d => d.IsDefault)?.Name.ToLowerInvariant()
            ?? tenant.Domains.FirstOrDefault(d => d.IsDefault)?.Name
            ?? entry.Domains[0].Name.ToLowerInvariant();
        foreach (var domain in tenant.Domains)
        {
            domain.IsDefault = domain.Name == defaultName;
        }
    }

    private async Task WriteUsersAsync(CancellationToken cancellationToken)
    {
        var ids = document.Users.Select(u => u.Id).OfType<Guid>().ToList();
        var names = document.Users.Select(u => User.Normalize(u.UserPrincipalName)).ToList();
        var existing = await db.Users.Where(u => u.TenantId == tenantId && (ids.Contains(u.Id) || names.Contains(u.NormalizedUserPrincipalName)))
            .Select(u => new { u.Id, u.NormalizedUserPrincipalName }).ToListAsync(cancellationToken);
        var displaced = document.Users
            .SelectMany(entry => existing.Where(u => u.NormalizedUserPrincipalName == User.Normalize(entry.UserPrincipalName) && entry.Id is { } id && u.Id != id))
            .Select(u => u.Id).ToList();
        await DisplaceUsersAsync(displaced, cancellationToken);

        var kept = existing.Select(u => u.Id).Except(displaced).ToList();
        var users = await db.Users.Where(u => kept.Contains(u.Id)).ToListAsync(cancellationToken);
        foreach (var entry in document.Users)
        {
            var user = users.FirstOrDefault(u => u.Id == entry.Id)
                ?? users.FirstOrDefault(u => entry.Id is null && u.NormalizedUserPrincipalName == User.Normalize(entry.UserPrincipalName));
            if (user is null)
            {
                user = new User { Id = entry.Id ?? Guid.NewGuid(), TenantId = tenantId, CreatedDateTime = now };
                db.Users.Add(user);
                users.Add(user);
            }

            user.UserPrincipalName = entry.UserPrincipalName;
            user.NormalizedUserPrincipalName = User.Normalize(entry.UserPrincipalName);
            user.DisplayName = entry.DisplayName ?? entry.UserPrincipalName.Split('@')[0];
            user.GivenName = entry.GivenName;
            user.Surname = entry.Surname;
            user.Mail = entry.Mail;
            user.AccountEnabled = entry.AccountEnabled;
            user.UserType = entry.UserType;
            user.CreatedDateTime = Stored(entry.CreatedDateTime) ?? user.CreatedDateTime;
            if (entry.Password is not null)
            {
                user.PasswordHash = hasher.HashPassword(user, entry.Password);
                user.HasWellKnownPassword = WellKnownPasswords.Contains(entry.Password);
            }
            else if (entry.PasswordHash is not null)
            {
                user.PasswordHash = entry.PasswordHash;
                user.HasWellKnownPassword = false;
            }

            principalTypes[user.Id] = DirectoryObjectType.User;
        }
    }

    private async Task<Outcome<List<Group>, DirectoryError>> WriteGroupsAsync(CancellationToken cancellationToken)
    {
        var ids = document.Groups.Select(g => g.Id).OfType<Guid>().ToList();
        var names = document.Groups.Where(g => g.Id is null).Select(g => Group.Normalize(g.DisplayName)).ToList();
        var existing = await db.Groups.Include(g => g.Members).Include(g => g.Owners)
            .Where(g => g.TenantId == tenantId && (ids.Contains(g.Id) || names.Contains(g.NormalizedDisplayName))).ToListAsync(cancellationToken);
        var groups = new List<Group>();
        for (var i = 0; i < document.Groups.Count; i++)
        {
            var entry = document.Groups[i];
            var named = entry.Id is null ? existing.Where(g => g.NormalizedDisplayName == Group.Normalize(entry.DisplayName)).ToList() : [];
            if (named.Count > 1)
            {
                return DirectoryError.Conflict($"$.groups[{i}]: the tenant has {named.Count} groups named '{entry.DisplayName}'; give the id of the one to update.");
            }

            var group = existing.FirstOrDefault(g => g.Id == entry.Id) ?? named.FirstOrDefault();
            if (group is null)
            {
                group = new Group { Id = entry.Id ?? Guid.NewGuid(), TenantId = tenantId, CreatedDateTime = now };
                db.Groups.Add(group);
            }

            group.DisplayName = entry.DisplayName;
            group.Description = entry.Description;
            group.MailNickname = entry.MailNickname ?? "";
            group.MailEnabled = entry.MailEnabled;
            group.SecurityEnabled = entry.SecurityEnabled;
            group.Visibility = entry.Visibility;
            group.CreatedDateTime = Stored(entry.CreatedDateTime) ?? group.CreatedDateTime;
            principalTypes[group.Id] = DirectoryObjectType.Group;
            groups.Add(group);
        }

        return groups;
    }

    /// <summary>Adds the members, owners and role members the document lists that are not there yet, once every principal is known.</summary>
    private async Task WriteMembershipsAsync(List<Group> groups, List<Applications.Application> applications, CancellationToken cancellationToken)
    {
        foreach (var (group, entry) in groups.Zip(document.Groups))
        {
            group.Members.AddRange(entry.Members.Distinct().Where(id => group.Members.All(m => m.MemberId != id))
                .Select(id => new GroupMember { GroupId = group.Id, MemberId = id, MemberType = principalTypes[id] }));
            group.Owners.AddRange(entry.Owners.Distinct().Where(id => group.Owners.All(o => o.OwnerId != id))
                .Select(id => new GroupOwner { GroupId = group.Id, OwnerId = id, OwnerType = principalTypes[id] }));
        }

        foreach (var (application, entry) in applications.Zip(document.Applications))
        {
            application.Owners.AddRange(entry.Owners.Distinct().Where(id => application.Owners.All(o => o.OwnerId != id))
                .Select(id => new Applications.ApplicationOwner { ApplicationId = application.Id, OwnerId = id, OwnerType = principalTypes[id] }));
        }

        var templates = document.DirectoryRoles.Select(r => r.RoleTemplateId).ToList();
        var present = await db.DirectoryRoleMembers.Where(m => m.TenantId == tenantId && templates.Contains(m.RoleTemplateId))
            .Select(m => new { m.RoleTemplateId, m.PrincipalId }).ToListAsync(cancellationToken);
        db.DirectoryRoleMembers.AddRange(document.DirectoryRoles.SelectMany(role => role.Members.Distinct()
            .Where(id => !present.Contains(new { role.RoleTemplateId, PrincipalId = id }))
            .Select(id => new DirectoryRoleMember { TenantId = tenantId, RoleTemplateId = role.RoleTemplateId, PrincipalId = id, PrincipalType = principalTypes[id] })));
    }

    /// <summary>
    /// Removes objects of the tenant whose name a document object under another ID takes, with every link to them,
    /// so that the document's IDs (which its own references use) are the ones the tenant keeps.
    /// </summary>
    private async Task DisplaceUsersAsync(List<Guid> ids, CancellationToken cancellationToken)
    {
        foreach (var id in ids)
        {
            await references.RemoveAllToAsync(tenantId, id, cancellationToken);
            principalTypes.Remove(id);
        }

        await db.Users.Where(u => ids.Contains(u.Id)).ExecuteDeleteAsync(cancellationToken);
    }

    // A document may give any offset and any precision; PostgreSQL takes only UTC and keeps microseconds. Both stores
    // keep (and export) the same instant when it is made UTC at the stores' resolution first.
    private static DateTimeOffset? Stored(DateTimeOffset? instant) => instant is { } value ? StoreClock.ToStoreResolution(value) : null;
}
