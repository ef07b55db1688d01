using Gatehouse.DirectoryObjects.Applications;
using Gatehouse.DirectoryObjects.Consent;
using Gatehouse.DirectoryObjects.Credentials;
using Gatehouse.DirectoryObjects.ManagedIdentities;
using Gatehouse.DirectoryObjects.Roles;
using Gatehouse.DirectoryObjects.Tenants;
using Gatehouse.DirectoryObjects.Users;

namespace Gatehouse.DirectoryObjects.Transfer;

/// <summary>What a tenant document must satisfy before anything is written: the first broken rule is the answer.</summary>
internal static class TenantDocumentRules
{
    public static string? Check(TenantDocument document)
    {
        var rules = new Func<TenantDocument, string?>[]
        {
            Schema, Tenant, Domains, Users, Groups, DirectoryRoles, Applications, ServicePrincipals, Assignments, Grants,
        };
        return rules.Select(rule => rule(document)).FirstOrDefault(problem => problem is not null);
    }

    private static string? Schema(TenantDocument d) =>
        d.Schema == TenantDocument.CurrentSchema ? null : $"Unknown schema '{d.Schema}'; expected '{TenantDocument.CurrentSchema}'.";

    private static string? Tenant(TenantDocument d) =>
        d.Tenant.Id == Guid.Empty ? "tenant.id must be a tenant GUID."
        : string.IsNullOrWhiteSpace(d.Tenant.DisplayName) ? "tenant.displayName is required."
        : d.Tenant.MaxSecretLifetimeDays is <= 0 ? "tenant.maxSecretLifetimeDays must be positive."
        : null;

    private static string? Domains(TenantDocument d)
    {
        if (d.Tenant.Domains.Count == 0)
        {
            return "tenant.domains needs at least one domain.";
        }

        if (d.Tenant.Domains.FirstOrDefault(x => !DomainNames.IsValid(x.Name.ToLowerInvariant())) is { } bad)
        {
            return $"'{bad.Name}' is not a valid domain name.";
        }

        return d.Tenant.Domains.Count(x => x.IsDefault) > 1 ? "Only one domain can be the default." : Duplicate(d.Tenant.Domains.Select(x => x.Name.ToLowerInvariant()), "domain");
    }

    private static string? Users(TenantDocument d)
    {
        var domains = d.Tenant.Domains.Select(x => x.Name.ToLowerInvariant()).ToHashSet();
        foreach (var user in d.Users)
        {
            var at = user.UserPrincipalName.LastIndexOf('@');
            if (at <= 0 || !domains.Contains(user.UserPrincipalName[(at + 1)..].ToLowerInvariant()))
            {
                return $"User '{user.UserPrincipalName}' is not alias@domain with one of the tenant's domains.";
            }

            if (user.UserPrincipalName.Length > User.MaximumUserPrincipalNameLength || user.DisplayName is { Length: > User.MaximumDisplayNameLength })
            {
                return $"User '{user.UserPrincipalName}': the user principal name must be at most {User.MaximumUserPrincipalNameLength} characters and the display name at most {User.MaximumDisplayNameLength}.";
            }

            if (user.Password is not null && PasswordRules.Check(user.Password) is { } weak)
            {
                return $"User '{user.UserPrincipalName}': {weak}";
            }

            if (user.Password is not null && user.PasswordHash is not null)
            {
                return $"User '{user.UserPrincipalName}' has both password and passwordHash; give one.";
            }
        }

        return Duplicate(d.Users.Select(u => User.Normalize(u.UserPrincipalName)), "userPrincipalName")
            ?? Duplicate(AllObjectIds(d), "object id");
    }

    private static string? Groups(TenantDocument d)
    {
        var principals = PrincipalIds(d);
        foreach (var group in d.Groups)
        {
            if (group.Visibility is not (null or "Public" or "Private" or DirectoryObjects.Groups.Group.HiddenMembership))
            {
                return $"Group '{group.DisplayName}': visibility must be Public, Private or HiddenMembership.";
            }

            if (group.Members.Concat(group.Owners).FirstOrDefault(id => !principals.Contains(id)) is var missing && missing != Guid.Empty)
            {
                return $"Group '{group.DisplayName}' refers to {missing}, which is not a user, group or service principal of the document.";
            }
        }

        return null;
    }

    private static string? DirectoryRoles(TenantDocument d)
    {
        var principals = PrincipalIds(d);
        foreach (var role in d.DirectoryRoles)
        {
            if (DirectoryRoleTemplate.All.All(t => t.Id != role.RoleTemplateId))
            {
                return $"{role.RoleTemplateId} is not a known directory role template.";
            }

            if (role.Members.FirstOrDefault(id => !principals.Contains(id)) is var missing && missing != Guid.Empty)
            {
                return $"Directory role {role.DisplayName ?? role.RoleTemplateId.ToString()} refers to {missing}, which is not in the document.";
            }
        }

        return null;
    }

    private static string? Applications(TenantDocument d)
    {
        var principals = PrincipalIds(d);
        foreach (var app in d.Applications)
        {
            if (string.IsNullOrWhiteSpace(app.DisplayName) || app.DisplayName.Length > ApplicationRegistrations.MaximumDisplayNameLength)
            {
                return $"Application '{app.DisplayName}': the name must be 1 to {ApplicationRegistrations.MaximumDisplayNameLength} characters.";
            }

            if (app.AppId is { } appId && Permissions.FirstParty.FirstPartyClients.IsFirstParty(appId))
            {
                return $"Application '{app.DisplayName}': appId {appId} is a Microsoft application's, which every tenant has.";
            }

            if (!Application.SignInAudiences.Contains(app.SignInAudience))
            {
                return $"Application '{app.DisplayName}': '{app.SignInAudience}' is not a supported account type.";
            }

            var redirects = app.Web.RedirectUris.Select(u => RedirectUriRules.Check(u, RedirectPlatform.Web))
                .Concat(app.Spa.RedirectUris.Select(u => RedirectUriRules.Check(u, RedirectPlatform.Spa)))
                .Concat(app.PublicClient.RedirectUris.Select(u => RedirectUriRules.Check(u, RedirectPlatform.PublicClient)));
            if (redirects.FirstOrDefault(p => p is not null) is { } redirectProblem)
            {
                return $"Application '{app.DisplayName}': {redirectProblem}";
            }

            if (app.Owners.FirstOrDefault(id => !principals.Contains(id)) is var missing && missing != Guid.Empty)
            {
                return $"Application '{app.DisplayName}' is owned by {missing}, which is not in the document.";
            }

            if (app.PasswordCredentials.Select(c => SecretProblem(c)).FirstOrDefault(p => p is not null) is { } secretProblem)
            {
                return $"Application '{app.DisplayName}': {secretProblem}";
            }

            if (app.KeyCredentials.Any(c => !CertificateFile.Read(c.Key).Succeeded))
            {
                return $"Application '{app.DisplayName}': a keyCredential's key is not a public X.509 certificate.";
            }
        }

        return Duplicate(d.Applications.Where(a => a.AppId is not null).Select(a => a.AppId!.Value), "appId")
            ?? Duplicate(d.Applications.SelectMany(a => a.PasswordCredentials.Select(c => c.KeyId).Concat(a.KeyCredentials.Select(c => c.KeyId))).OfType<Guid>(), "credential keyId");
    }

    private static string? SecretProblem(PasswordCredentialEntry c)
    {
        if ((c.SecretText is null) == (c.SecretHash is null))
        {
            return "each passwordCredential needs either secretHash (from an export) or secretText.";
        }

        if (c.SecretText is { Length: < 16 or > 256 })
        {
            return "secretText must be 16 to 256 characters.";
        }

        if (c.SecretHash is { } hash && (hash.Salt.Length != ClientSecretHash.SaltLength || hash.Hash.Length != 32 || c.Hint is not { Length: 3 }))
        {
            return "secretHash must hold a 16-byte salt and a 32-byte hash, with a 3-character hint.";
        }

        return c.StartDateTime is { } start && c.EndDateTime is { } end && end <= start ? "a secret must end after it starts." : null;
    }

    private static string? ServicePrincipals(TenantDocument d)
    {
        var appIds = d.Applications.Where(a => a.AppId is not null).Select(a => a.AppId!.Value).ToHashSet();
        if (d.ServicePrincipals.FirstOrDefault(sp => sp.ManagedIdentityType is not (null or ManagedIdentityDirectory.SystemAssigned or ManagedIdentityDirectory.UserAssigned)) is { } oddType)
        {
            return $"Service principal {oddType.Id} has managedIdentityType '{oddType.ManagedIdentityType}'; use SystemAssigned or UserAssigned.";
        }

        if (d.ServicePrincipals.FirstOrDefault(sp => sp.IdentityHeaderHash is { } header && (sp.ManagedIdentityType != ManagedIdentityDirectory.SystemAssigned
            || header.Salt.Length != ClientSecretHash.SaltLength || header.Hash.Length != 32)) is { } oddHeader)
        {
            return $"Service principal {oddHeader.Id} has an identityHeaderHash, which only a system-assigned identity has, as a {ClientSecretHash.SaltLength}-byte salt and a 32-byte hash.";
        }

        if (d.ServicePrincipals.FirstOrDefault(sp => sp.ManagedIdentityType is null
            && !appIds.Contains(sp.AppId) && !Permissions.FirstParty.FirstPartyClients.IsFirstParty(sp.AppId)) is { } orphan)
        {
            return $"Service principal {orphan.Id} is for appId {orphan.AppId}, which is neither an app of the document, a first-party application nor a managed identity.";
        }

        return Duplicate(d.ServicePrincipals.Select(sp => sp.AppId), "service principal appId");
    }

    private static string? Assignments(TenantDocument d)
    {
        var principals = PrincipalIds(d);
        var resources = d.ServicePrincipals.Select(sp => sp.Id).ToHashSet();
        var bad = d.AppRoleAssignments.FirstOrDefault(a => !principals.Contains(a.PrincipalId) || !resources.Contains(a.ResourceId));
        return bad is null
            ? Duplicate(d.AppRoleAssignments.Where(a => a.Id is not null).Select(a => a.Id!), "appRoleAssignment id")
            : $"App role assignment {bad.Id} refers to a principal or resource that is not in the document.";
    }

    private static string? Grants(TenantDocument d)
    {
        var users = d.Users.Where(u => u.Id is not null).Select(u => u.Id!.Value).ToHashSet();
        var servicePrincipals = d.ServicePrincipals.Select(sp => sp.Id).ToHashSet();
        foreach (var grant in d.Oauth2PermissionGrants)
        {
            if (grant.ConsentType is not (OAuth2PermissionGrant.AllPrincipals or OAuth2PermissionGrant.Principal))
            {
                return $"Permission grant {grant.Id}: consentType must be AllPrincipals or Principal.";
            }

            if (!servicePrincipals.Contains(grant.ClientId) || !servicePrincipals.Contains(grant.ResourceId)
                || (grant.ConsentType == OAuth2PermissionGrant.Principal) != (grant.PrincipalId is { } user && users.Contains(user)))
            {
                return $"Permission grant {grant.Id} refers to a client, resource or user that is not in the document.";
            }
        }

        return Duplicate(d.Oauth2PermissionGrants.Where(g => g.Id is not null).Select(g => g.Id!), "oauth2PermissionGrant id");
    }

    private static HashSet<Guid> PrincipalIds(TenantDocument d) =>
        [.. d.Users.Select(u => u.Id).Concat(d.Groups.Select(g => g.Id)).OfType<Guid>(), .. d.ServicePrincipals.Select(sp => sp.Id)];

    private static IEnumerable<Guid> AllObjectIds(TenantDocument d) =>
        d.Users.Select(u => u.Id).Concat(d.Groups.Select(g => g.Id)).Concat(d.Applications.Select(a => a.Id))
            .Concat(d.ServicePrincipals.Select(sp => (Guid?)sp.Id)).OfType<Guid>();

    private static string? Duplicate<T>(IEnumerable<T> values, string what)
    {
        var seen = new HashSet<T>();
        foreach (var value in values)
        {
            if (!seen.Add(value))
            {
                return $"The {what} {value} appears more than once.";
            }
        }

        return null;
    }
}
