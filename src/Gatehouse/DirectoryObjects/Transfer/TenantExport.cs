using Gatehouse.Data;
using Gatehouse.DirectoryObjects.Roles;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.DirectoryObjects.Transfer;

/// <summary>Writes a tenant as a <see cref="TenantDocument"/>, in a stable order so that equal tenants export equal text.</summary>
internal sealed class TenantExport(GatehouseDb db)
{
    public async Task<TenantDocument> ExportAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        var tenant = await db.Tenants.AsNoTracking().Include(t => t.Domains).SingleAsync(t => t.Id == tenantId, cancellationToken);
        var users = await db.Users.AsNoTracking().Where(u => u.TenantId == tenantId).ToListAsync(cancellationToken);
        var groups = await db.Groups.AsNoTracking().Include(g => g.Members).Include(g => g.Owners)
            .Where(g => g.TenantId == tenantId).ToListAsync(cancellationToken);
        var roleMembers = await db.DirectoryRoleMembers.AsNoTracking().Where(m => m.TenantId == tenantId).ToListAsync(cancellationToken);
        var applications = await db.Applications.AsNoTracking()
            .Include(a => a.PasswordCredentials).Include(a => a.KeyCredentials).Include(a => a.Owners)
            .Where(a => a.TenantId == tenantId).ToListAsync(cancellationToken);
        var servicePrincipals = await db.ServicePrincipals.AsNoTracking().Where(sp => sp.TenantId == tenantId).ToListAsync(cancellationToken);
        var assignments = await db.AppRoleAssignments.AsNoTracking().Where(a => a.TenantId == tenantId).ToListAsync(cancellationToken);
        var grants = await db.OAuth2PermissionGrants.AsNoTracking().Where(g => g.TenantId == tenantId).ToListAsync(cancellationToken);

        return new TenantDocument
        {
            Tenant = new TenantEntry
            {
                Id = tenant.Id,
                DisplayName = tenant.DisplayName,
                CreatedDateTime = tenant.CreatedDateTime,
                UsersCanRegisterApplications = tenant.UsersCanRegisterApplications,
                MaxSecretLifetimeDays = tenant.MaxSecretLifetimeDays,
                Domains = [.. tenant.Domains.OrderBy(d => d.Name, StringComparer.Ordinal).Select(d => new DomainEntry
                {
                    Name = d.Name, IsDefault = d.IsDefault, IsInitial = d.IsInitial, IsVerified = d.IsVerified,
                })],
            },
            Users = [.. users.OrderBy(u => u.NormalizedUserPrincipalName, StringComparer.Ordinal).Select(u => new UserEntry
            {
                Id = u.Id,
                UserPrincipalName = u.UserPrincipalName,
                DisplayName = u.DisplayName,
                GivenName = u.GivenName,
                Surname = u.Surname,
                Mail = u.Mail,
                AccountEnabled = u.AccountEnabled,
                UserType = u.UserType,
                CreatedDateTime = u.CreatedDateTime,
                PasswordHash = u.PasswordHash,
            })],
            Groups = [.. groups.OrderBy(g => g.DisplayName, StringComparer.Ordinal).ThenBy(g => g.Id).Select(g => new GroupEntry
            {
                Id = g.Id,
                DisplayName = g.DisplayName,
                Description = g.Description,
                MailNickname = g.MailNickname,
                MailEnabled = g.MailEnabled,
                SecurityEnabled = g.SecurityEnabled,
                Visibility = g.Visibility,
                CreatedDateTime = g.CreatedDateTime,
                Members = [.. g.Members.Select(m => m.MemberId).Order()],
                Owners = [.. g.Owners.Select(o => o.OwnerId).Order()],
            })],
            DirectoryRoles = [.. roleMembers.GroupBy(m => m.RoleTemplateId).OrderBy(r => r.Key).Select(r => new DirectoryRoleEntry
            {
                RoleTemplateId = r.Key,
                DisplayName = DirectoryRoleTemplate.All.FirstOrDefault(t => t.Id == r.Key)?.DisplayName,
                Members = [.. r.Select(m => m.PrincipalId).Order()],
            })],
            Applications = [.. applications.OrderBy(a => a.DisplayName, StringComparer.Ordinal).ThenBy(a => a.Id).Select(a => new ApplicationEntry
            {
                Id = a.Id,
                AppId = a.AppId,
                DisplayName = a.DisplayName,
                SignInAudience = a.SignInAudience,
                IdentifierUris = a.IdentifierUris,
                Web = new WebEntry
                {
                    RedirectUris = a.WebRedirectUris, HomePageUrl = a.WebHomePageUrl, LogoutUrl = a.WebLogoutUrl,
                    ImplicitGrantSettings = new ImplicitGrantEntry
                    {
                        EnableIdTokenIssuance = a.EnableIdTokenIssuance, EnableAccessTokenIssuance = a.EnableAccessTokenIssuance,
                    },
                },
                Spa = new RedirectUrisEntry { RedirectUris = a.SpaRedirectUris },
                PublicClient = new RedirectUrisEntry { RedirectUris = a.PublicClientRedirectUris },
                IsFallbackPublicClient = a.IsFallbackPublicClient,
                Api = new ApiEntry { RequestedAccessTokenVersion = a.RequestedAccessTokenVersion, Oauth2PermissionScopes = a.Oauth2PermissionScopes },
                AppRoles = a.AppRoles,
                RequiredResourceAccess = a.RequiredResourceAccess,
                Owners = [.. a.Owners.Select(o => o.OwnerId).Order()],
                CreatedDateTime = a.CreatedDateTime,
                PasswordCredentials = [.. a.PasswordCredentials.OrderBy(c => c.KeyId).Select(c => new PasswordCredentialEntry
                {
                    KeyId = c.KeyId,
                    DisplayName = c.DisplayName,
                    Hint = c.Hint,
                    StartDateTime = c.StartDateTime,
                    EndDateTime = c.EndDateTime,
                    SecretHash = new SecretHashEntry { Salt = c.SecretSalt, Hash = c.SecretHash },
                })],
                KeyCredentials = [.. a.KeyCredentials.OrderBy(c => c.KeyId).Select(c => new KeyCredentialEntry
                {
                    KeyId = c.KeyId, Key = c.Key, DisplayName = c.DisplayName,
                })],
            })],
            ServicePrincipals = [.. servicePrincipals.OrderBy(sp => sp.AppId).Select(sp => new ServicePrincipalEntry
            {
                Id = sp.Id,
                AppId = sp.AppId,
                DisplayName = sp.DisplayName,
                AppOwnerOrganizationId = sp.AppOwnerOrganizationId,
                AccountEnabled = sp.AccountEnabled,
                AppRoleAssignmentRequired = sp.AppRoleAssignmentRequired,
                CreatedDateTime = sp.CreatedDateTime,
                ManagedIdentityType = sp.ManagedIdentityType,
                IdentityHeaderHash = sp is { IdentityHeaderSalt: { } salt, IdentityHeaderHash: { } hash } ? new SecretHashEntry { Salt = salt, Hash = hash } : null,
            })],
            AppRoleAssignments = [.. assignments.OrderBy(a => a.Id, StringComparer.Ordinal).Select(a => new AppRoleAssignmentEntry
            {
                Id = a.Id, PrincipalId = a.PrincipalId, ResourceId = a.ResourceId, AppRoleId = a.AppRoleId, CreatedDateTime = a.CreatedDateTime,
            })],
            Oauth2PermissionGrants = [.. grants.OrderBy(g => g.Id, StringComparer.Ordinal).Select(g => new PermissionGrantEntry
            {
                Id = g.Id, ClientId = g.ClientId, ConsentType = g.ConsentType, PrincipalId = g.PrincipalId, ResourceId = g.ResourceId, Scope = g.Scope,
            })],
        };
    }
}
