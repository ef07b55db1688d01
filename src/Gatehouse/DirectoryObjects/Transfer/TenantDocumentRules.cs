using Gatehouse.DirectoryObjects.Applications;
using Gatehouse.DirectoryObjects.Consent;
using Gatehouse.DirectoryObjects.Credentials;
using Gatehouse.DirectoryObjects.ManagedIdentities;
using Gatehouse.DirectoryObjects.Roles;
using Gatehouse.DirectoryObjects.Tenants;
using Gatehouse.DirectoryObjects.Users;

namespace Gatehouse.DirectoryObjects.Transfer;

/// <summary>
/// What a tenant document must satisfy beyond its schema before anything is written: the first broken rule is the
/// answer, with the JSON path of what breaks it. References may name objects of the document or, in a merge, objects
/// the tenant already holds (<see cref="KnownObjects"/>).
/// </summary>
internal static class TenantDocumentRules
{
    public static string? Check(TenantDocument document, KnownObjects known)
    {
        var rules = new Func<TenantDocument, KnownObjects, string?>[]
        {
            Schema, Tenant, Domains, Users, Groups, DirectoryRoles, Applications, ServicePrincipals, Assignments, Grants,
        };
        return rules.Select(rule => rule(document, known)).FirstOrDefault(problem => problem is not null);
    }

    private static string? Schema(TenantDocument d, KnownObjects known) =>
        d.Schema == TenantDocument.CurrentSchema ? null : $"$.schema: unknown schema '{d.Schema}'; expected '{TenantDocument.CurrentSchema}'.";

    private static string? Tenant(TenantDocument d, KnownObjects known) =>
        d.Tenant.Id == Guid.Empty ? "$.tenant.id: must be a tenant GUID."
        : string.IsNullOrWhiteSpace(d.Tenant.DisplayName) ? "$.tenant.displayName: is required."
        : d.Tenant.MaxSecretLifetimeDays is <= 0 ? "$.tenant.maxSecretLifetimeDays: must be positive."
        : null;

    private static string? Domains(TenantDocument d, KnownObjects known)
    {
        if (d.Tenant.Domains.Count == 0)
        {
            return "$.tenant.domains: needs at least one domain.";
        }

        for (var i = 0; i < d.Tenant.Domains.Count; i++)
        {
            if (!DomainNames.IsValid(d.Tenant.Domains[i].Name.ToLowerInvariant()))
            {
                return $"$.tenant.domains[{i}].name: '{d.Tenant.Domains[i].Name}' is not a valid domain name.";
            }
        }

        return d.Tenant.Domains.Count(x => x.IsDefault) > 1
            ? "$.tenant.domains: only one domain can be the default."
            : Duplicate(d.Tenant.Domains.Select(x => x.Name.ToLowerInvariant()), "$.tenant.domains", "name", "domain");
    }

    private static string? Users(TenantDocument d, KnownObjects known)
    {
        var domains = d.Tenant.Domains.Select(x => x.Name.ToLowerInvariant()).ToHashSet();
        for (var i = 0; i < d.Users.Count; i++)
        {
            var user = d.Users[i];
            var at = user.UserPrincipalName.LastIndexOf('@');
            if (at <= 0 || !domains.Contains(user.UserPrincipalName[(at + 1)..].ToLowerInvariant()))
            {
                return $"$.users[{i}].userPrincipalName: '{user.UserPrincipalName}' is not alias@domain with one of the tenant's domains.";
            }

            if (user.UserPrincipalName.Length > User.MaximumUserPrincipalNameLength || user.DisplayName is { Length: > User.MaximumDisplayNameLength })
            {
                return $"$.users[{i}]: user '{user.UserPrincipalName}': the user principal name must be at most {User.MaximumUserPrincipalNameLength} characters and the display name at most {User.MaximumDisplayNameLength}.";
            }

            if (user.Password is not null && PasswordRules.Check(user.Password) is { } weak)
            {
                return $"$.users[{i}].password: user '{user.UserPrincipalName}': {weak}";
            }

            if (user.Password is not null && user.PasswordHash is not null)
            {
                return $"$.users[{i}]: user '{user.UserPrincipalName}' has both password and passwordHash; give one.";
            }
        }

        return Duplicate(d.Users.Select(u => User.Normalize(u.UserPrincipalName)), "$.users", "userPrincipalName", "userPrincipalName")
            ?? DuplicateObjectId(d);
    }

    private static string? Groups(TenantDocument d, KnownObjects known)
    {
        var principals = PrincipalIds(d, known);
        for (var i = 0; i < d.Groups.Count; i++)
        {
            var group = d.Groups[i];
            if (group.Visibility is not (null or "Public" or "Private" or DirectoryObjects.Groups.Group.HiddenMembership))
            {
                return $"$.groups[{i}].visibility: group '{group.DisplayName}': must be Public, Private or HiddenMembership.";
            }

            if ((Dangling(group.Members, principals, $"$.groups[{i}].members") ?? Dangling(group.Owners, principals, $"$.groups[{i}].owners")) is { } dangling)
            {
                return $"{dangling}: group '{group.DisplayName}' refers to it, but it is not a user, group or service principal of the document{Or(known)}.";
            }
        }

        return null;
    }

    private static string? DirectoryRoles(TenantDocument d, KnownObjects known)
    {
        var principals = PrincipalIds(d, known);
        for (var i = 0; i < d.DirectoryRoles.Count; i++)
        {
            var role = d.DirectoryRoles[i];
            if (DirectoryRoleTemplate.All.All(t => t.Id != role.RoleTemplateId))
            {
                return $"$.directoryRoles[{i}].roleTemplateId: {role.RoleTemplateId} is not a known directory role template.";
            }

            if (Dangling(role.Members, principals, $"$.directoryRoles[{i}].members") is { } dangling)
            {
                return $"{dangling}: directory role {role.DisplayName ?? role.RoleTemplateId.ToString()} refers to it, but it is not in the document{Or(known)}.";
            }
        }

        return null;
    }

    private static string? Applications(TenantDocument d, KnownObjects known)
    {
        var principals = PrincipalIds(d, known);
        for (var i = 0; i < d.Applications.Count; i++)
        {
            if (Application(d.Applications[i], $"$.applications[{i}]", principals, known) is { } problem)
            {
                return problem;
            }
        }

        var keyIds = d.Applications.SelectMany((a, i) => a.PasswordCredentials.Select((c, j) => (c.KeyId, $"$.applications[{i}].passwordCredentials[{j}].keyId"))
            .Concat(a.KeyCredentials.Select((c, j) => (c.KeyId, $"$.applications[{i}].keyCredentials[{j}].keyId"))));
        return Duplicate(d.Applications.Select(a => a.AppId), "$.applications", "appId", "appId") ?? FirstRepeated(keyIds, "credential keyId");
    }

    private static string? Application(ApplicationEntry app, string at, HashSet<Guid> principals, KnownObjects known)
    {
        if (string.IsNullOrWhiteSpace(app.DisplayName) || app.DisplayName.Length > ApplicationRegistrations.MaximumDisplayNameLength)
        {
            return $"{at}.displayName: application '{app.DisplayName}': the name must be 1 to {ApplicationRegistrations.MaximumDisplayNameLength} characters.";
        }

        if (app.AppId is { } appId && Permissions.FirstParty.FirstPartyClients.IsFirstParty(appId))
        {
            return $"{at}.appId: application '{app.DisplayName}': {appId} is a Microsoft application's, which every tenant has.";
        }

        if (!DirectoryObjects.Applications.Application.SignInAudiences.Contains(app.SignInAudience))
        {
            return $"{at}.signInAudience: application '{app.DisplayName}': '{app.SignInAudience}' is not a supported account type.";
        }

        var redirects = app.Web.RedirectUris.Select((u, j) => (Path: $"{at}.web.redirectUris[{j}]", Problem: RedirectUriRules.Check(u, RedirectPlatform.Web)))
            .Concat(app.Spa.RedirectUris.Select((u, j) => (Path: $"{at}.spa.redirectUris[{j}]", Problem: RedirectUriRules.Check(u, RedirectPlatform.Spa))))
            .Concat(app.PublicClient.RedirectUris.Select((u, j) => (Path: $"{at}.publicClient.redirectUris[{j}]", Problem: RedirectUriRules.Check(u, RedirectPlatform.PublicClient))));
        if (redirects.FirstOrDefault(r => r.Problem is not null) is { Problem: { } redirectProblem } redirect)
        {
            return $"{redirect.Path}: application '{app.DisplayName}': {redirectProblem}";
        }

        if (Dangling(app.Owners, principals, $"{at}.owners") is { } dangling)
        {
            return $"{dangling}: application '{app.DisplayName}' is owned by it, but it is not in the document{Or(known)}.";
        }

        for (var j = 0; j < app.PasswordCredentials.Count; j++)
        {
            if (SecretProblem(app.PasswordCredentials[j], $"{at}.passwordCredentials[{j}]") is { } secretProblem)
            {
                return $"{secretProblem} (application '{app.DisplayName}')";
            }
        }

        for (var j = 0; j < app.KeyCredentials.Count; j++)
        {
            if (!CertificateFile.Read(app.KeyCredentials[j].Key).Succeeded)
            {
                return $"{at}.keyCredentials[{j}].key: application '{app.DisplayName}': the key is not a public X.509 certificate.";
            }
        }

        return null;
    }

    private static string? SecretProblem(PasswordCredentialEntry c, string at)
    {
        if ((c.SecretText is null) == (c.SecretHash is null))
        {
            return $"{at}: each passwordCredential needs either secretHash (from an export) or secretText.";
        }

        if (c.SecretText is { Length: < 16 or > 256 })
        {
            return $"{at}.secretText: must be 16 to 256 characters.";
        }

        if (c.SecretHash is { } hash && (hash.Salt.Length != ClientSecretHash.SaltLength || hash.Hash.Length != 32 || c.Hint is not { Length: 3 }))
        {
            return $"{at}.secretHash: must hold a 16-byte salt and a 32-byte hash, with a 3-character hint.";
        }

        return c.StartDateTime is { } start && c.EndDateTime is { } end && end <= start ? $"{at}.endDateTime: a secret must end after it starts." : null;
    }

    private static string? ServicePrincipals(TenantDocument d, KnownObjects known)
    {
        var appIds = d.Applications.Where(a => a.AppId is not null).Select(a => a.AppId!.Value).Concat(known.AppIds).ToHashSet();
        for (var i = 0; i < d.ServicePrincipals.Count; i++)
        {
            var sp = d.ServicePrincipals[i];
            if (sp.ManagedIdentityType is not (null or ManagedIdentityDirectory.SystemAssigned or ManagedIdentityDirectory.UserAssigned))
            {
                return $"$.servicePrincipals[{i}].managedIdentityType: service principal {sp.Id} has '{sp.ManagedIdentityType}'; use SystemAssigned or UserAssigned.";
            }

            if (sp.IdentityHeaderHash is { } header && (sp.ManagedIdentityType != ManagedIdentityDirectory.SystemAssigned
                || header.Salt.Length != ClientSecretHash.SaltLength || header.Hash.Length != 32))
            {
                return $"$.servicePrincipals[{i}].identityHeaderHash: service principal {sp.Id} has one, which only a system-assigned identity has, as a {ClientSecretHash.SaltLength}-byte salt and a 32-byte hash.";
            }

            if (sp.ManagedIdentityType is null && !appIds.Contains(sp.AppId) && !Permissions.FirstParty.FirstPartyClients.IsFirstParty(sp.AppId))
            {
                return $"$.servicePrincipals[{i}].appId: service principal {sp.Id} is for appId {sp.AppId}, which is neither an app of the document{Or(known)}, a first-party application nor a managed identity.";
            }
        }

        return Duplicate(d.ServicePrincipals.Select(sp => (Guid?)sp.AppId), "$.servicePrincipals", "appId", "service principal appId");
    }

    private static string? Assignments(TenantDocument d, KnownObjects known)
    {
        var principals = PrincipalIds(d, known);
        var resources = ServicePrincipalIds(d, known);
        for (var i = 0; i < d.AppRoleAssignments.Count; i++)
        {
            var assignment = d.AppRoleAssignments[i];
            var missing = !principals.Contains(assignment.PrincipalId) ? "principalId" : !resources.Contains(assignment.ResourceId) ? "resourceId" : null;
            if (missing is not null)
            {
                return $"$.appRoleAssignments[{i}].{missing}: app role assignment {assignment.Id} refers to a principal or resource that is not in the document{Or(known)}.";
            }
        }

        return Duplicate(d.AppRoleAssignments.Select(a => a.Id), "$.appRoleAssignments", "id", "appRoleAssignment id");
    }

    private static string? Grants(TenantDocument d, KnownObjects known)
    {
        var users = d.Users.Where(u => u.Id is not null).Select(u => u.Id!.Value)
            .Concat(known.Principals.Where(p => p.Value == DirectoryObjectType.User).Select(p => p.Key)).ToHashSet();
        var servicePrincipals = ServicePrincipalIds(d, known);
        for (var i = 0; i < d.Oauth2PermissionGrants.Count; i++)
        {
            var grant = d.Oauth2PermissionGrants[i];
            if (grant.ConsentType is not (OAuth2PermissionGrant.AllPrincipals or OAuth2PermissionGrant.Principal))
            {
                return $"$.oauth2PermissionGrants[{i}].consentType: permission grant {grant.Id}: must be AllPrincipals or Principal.";
            }

            if (!servicePrincipals.Contains(grant.ClientId) || !servicePrincipals.Contains(grant.ResourceId)
                || (grant.ConsentType == OAuth2PermissionGrant.Principal) != (grant.PrincipalId is { } user && users.Contains(user)))
            {
                return $"$.oauth2PermissionGrants[{i}]: permission grant {grant.Id} refers to a client, resource or user that is not in the document{Or(known)}.";
            }
        }

        return Duplicate(d.Oauth2PermissionGrants.Select(g => g.Id), "$.oauth2PermissionGrants", "id", "oauth2PermissionGrant id");
    }

    private static string Or(KnownObjects known) => ReferenceEquals(known, KnownObjects.None) ? "" : " or the tenant";

    private static HashSet<Guid> PrincipalIds(TenantDocument d, KnownObjects known) =>
        [.. d.Users.Select(u => u.Id).Concat(d.Groups.Select(g => g.Id)).OfType<Guid>(), .. d.ServicePrincipals.Select(sp => sp.Id), .. known.Principals.Keys];

    private static HashSet<Guid> ServicePrincipalIds(TenantDocument d, KnownObjects known) =>
        [.. d.ServicePrincipals.Select(sp => sp.Id), .. known.Principals.Where(p => p.Value == DirectoryObjectType.ServicePrincipal).Select(p => p.Key)];

    /// <summary>The path of the first ID in <paramref name="ids"/> that is not a known principal, such as <c>$.groups[0].members[2]</c>.</summary>
    private static string? Dangling(List<Guid> ids, HashSet<Guid> principals, string at)
    {
        var index = ids.FindIndex(id => !principals.Contains(id));
        return index < 0 ? null : $"{at}[{index}] ({ids[index]})";
    }

    private static string? DuplicateObjectId(TenantDocument d) => FirstRepeated(
        d.Users.Select((u, i) => (u.Id, $"$.users[{i}].id"))
            .Concat(d.Groups.Select((g, i) => (g.Id, $"$.groups[{i}].id")))
            .Concat(d.Applications.Select((a, i) => (a.Id, $"$.applications[{i}].id")))
            .Concat(d.ServicePrincipals.Select((sp, i) => ((Guid?)sp.Id, $"$.servicePrincipals[{i}].id"))),
        "object id");

    private static string? FirstRepeated(IEnumerable<(Guid? Id, string Path)> ids, string what)
    {
        var seen = new HashSet<Guid>();
        return ids.FirstOrDefault(x => x.Id is { } id && !seen.Add(id)) is { Id: { } repeated } duplicate
            ? $"{duplicate.Path}: the {what} {repeated} appears more than once."
            : null;
    }

    /// <summary>The first value given twice among the items at <paramref name="at"/>, named by its path; absent values never repeat.</summary>
    private static string? Duplicate<T>(IEnumerable<T?> values, string at, string property, string what)
    {
        var seen = new HashSet<T>();
        var index = 0;
        foreach (var value in values)
        {
            if (value is not null && !seen.Add(value))
            {
                return $"{at}[{index}].{property}: the {what} {value} appears more than once.";
            }

            index++;
        }

        return null;
    }
}
