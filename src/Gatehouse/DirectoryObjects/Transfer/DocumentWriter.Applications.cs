using Gatehouse.DirectoryObjects.Applications;
using Gatehouse.DirectoryObjects.Credentials;
using Gatehouse.DirectoryObjects.ManagedIdentities;
using Gatehouse.DirectoryObjects.Permissions.FirstParty;
using Gatehouse.DirectoryObjects.ServicePrincipals;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.DirectoryObjects.Transfer;

/// <summary>Applications with their credentials and permissions, and service principals.</summary>
internal sealed partial class DocumentWriter
{
    private async Task<Outcome<List<Application>, DirectoryError>> WriteApplicationsAsync(CancellationToken cancellationToken)
    {
        var ids = document.Applications.Select(a => a.Id).OfType<Guid>().ToList();
        var appIds = document.Applications.Select(a => a.AppId).OfType<Guid>().ToList();
        var existing = await db.Applications.IgnoreQueryFilters().Where(a => a.TenantId == tenantId && (ids.Contains(a.Id) || appIds.Contains(a.AppId)))
            .Select(a => new { a.Id, a.AppId }).ToListAsync(cancellationToken);
        for (var i = 0; i < document.Applications.Count; i++)
        {
            var entry = document.Applications[i];
            if (existing.FirstOrDefault(a => a.Id == entry.Id) is { } same && entry.AppId is { } appId && same.AppId != appId)
            {
                return DirectoryError.Conflict($"$.applications[{i}].appId: the tenant's application {same.Id} has appId {same.AppId}, and an appId never changes.");
            }
        }

        // An app of the document's appId under another object ID gives way to the document's, credentials and all.
        var displaced = existing.Where(a => document.Applications.Any(entry => entry.AppId == a.AppId && entry.Id is { } id && id != a.Id)).Select(a => a.Id).ToList();
        await db.Applications.IgnoreQueryFilters().Where(a => displaced.Contains(a.Id)).ExecuteDeleteAsync(cancellationToken);

        var kept = existing.Select(a => a.Id).Except(displaced).ToList();
        var applications = await db.Applications.IgnoreQueryFilters().Include(a => a.PasswordCredentials).Include(a => a.KeyCredentials).Include(a => a.Owners)
            .Where(a => kept.Contains(a.Id)).ToListAsync(cancellationToken);
        var written = new List<Application>();
        foreach (var entry in document.Applications)
        {
            var application = applications.FirstOrDefault(a => a.Id == entry.Id) ?? applications.FirstOrDefault(a => entry.AppId is { } appId && a.AppId == appId);
            if (application is null)
            {
                application = new Application { Id = entry.Id ?? Guid.NewGuid(), AppId = entry.AppId ?? Guid.NewGuid(), TenantId = tenantId, CreatedDateTime = now };
                db.Applications.Add(application);
            }

            Apply(entry, application);
            written.Add(application);
        }

        return await CredentialConflictAsync(written, cancellationToken) is { } conflict ? DirectoryError.Conflict(conflict) : written;
    }

    private void Apply(ApplicationEntry entry, Application application)
    {
        application.DisplayName = entry.DisplayName;
        application.SignInAudience = entry.SignInAudience;
        application.IdentifierUris = entry.IdentifierUris;
        application.WebRedirectUris = entry.Web.RedirectUris;
        application.WebHomePageUrl = entry.Web.HomePageUrl;
        application.WebLogoutUrl = entry.Web.LogoutUrl;
        application.EnableIdTokenIssuance = entry.Web.ImplicitGrantSettings.EnableIdTokenIssuance;
        application.EnableAccessTokenIssuance = entry.Web.ImplicitGrantSettings.EnableAccessTokenIssuance;
        application.SpaRedirectUris = entry.Spa.RedirectUris;
        application.PublicClientRedirectUris = entry.PublicClient.RedirectUris;
        application.IsFallbackPublicClient = entry.IsFallbackPublicClient;
        application.RequestedAccessTokenVersion = entry.Api.RequestedAccessTokenVersion;
        application.Oauth2PermissionScopes = entry.Api.Oauth2PermissionScopes;
        application.AppRoles = entry.AppRoles;
        application.CreatedDateTime = Stored(entry.CreatedDateTime) ?? application.CreatedDateTime;
        application.DeletedDateTime = null;

        // Permissions per API: the document's replace the app's for the same API; the app keeps those for other APIs.
        var current = application.RequiredResourceAccess;
        application.RequiredResourceAccess =
        [
            .. current.Select(r => entry.RequiredResourceAccess.FirstOrDefault(d => d.ResourceAppId == r.ResourceAppId) ?? r),
            .. entry.RequiredResourceAccess.Where(d => current.All(r => r.ResourceAppId != d.ResourceAppId)),
        ];

        foreach (var credential in entry.PasswordCredentials)
        {
            var secret = application.PasswordCredentials.FirstOrDefault(c => c.KeyId == credential.KeyId);
            if (secret is null)
            {
                // Added to the context itself: found only through a tracked app's collection, a credential whose key is
                // already set would be taken for an existing row and updated, which a second import of the document fails on.
                secret = new PasswordCredential { KeyId = credential.KeyId ?? Guid.NewGuid(), ApplicationId = application.Id };
                application.PasswordCredentials.Add(secret);
                db.PasswordCredentials.Add(secret);
            }

            var (salt, hash) = credential.SecretText is { } value ? ClientSecretHash.Compute(value) : (credential.SecretHash!.Salt, credential.SecretHash.Hash);
            secret.DisplayName = credential.DisplayName;
            secret.Hint = credential.SecretText?[..3] ?? credential.Hint!;
            secret.StartDateTime = Stored(credential.StartDateTime) ?? now;
            secret.EndDateTime = Stored(credential.EndDateTime) ?? SecretExpiry.Parse("2y", secret.StartDateTime).Value;
            secret.SecretSalt = salt;
            secret.SecretHash = hash;
        }

        foreach (var credential in entry.KeyCredentials)
        {
            var key = application.KeyCredentials.FirstOrDefault(c => c.KeyId == credential.KeyId);
            if (key is null)
            {
                key = new KeyCredential { KeyId = credential.KeyId ?? Guid.NewGuid(), ApplicationId = application.Id };
                application.KeyCredentials.Add(key);
                db.KeyCredentials.Add(key);
            }

            // TenantDocumentRules refuses a document with a key that is no certificate before anything is written.
            var read = CertificateFile.Read(credential.Key);
            using var certificate = read.Succeeded ? read.Value : throw new InvalidOperationException(read.Error.Message);
            key.DisplayName = credential.DisplayName ?? certificate.Subject;
            key.Thumbprint = certificate.Thumbprint;
            key.CustomKeyIdentifier = certificate.GetCertHash();
            key.Key = certificate.RawData;
            key.StartDateTime = StoreClock.ToStoreResolution(new DateTimeOffset(certificate.NotBefore.ToUniversalTime(), TimeSpan.Zero));
            key.EndDateTime = StoreClock.ToStoreResolution(new DateTimeOffset(certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero));
        }
    }

    /// <summary>A credential's keyId is unique in the store: one the document gives may not belong to another app already.</summary>
    private async Task<string?> CredentialConflictAsync(List<Application> applications, CancellationToken cancellationToken)
    {
        var owners = applications.SelectMany(a => a.PasswordCredentials.Select(c => (c.KeyId, a.Id)).Concat(a.KeyCredentials.Select(c => (c.KeyId, a.Id))))
            .ToDictionary(x => x.KeyId, x => x.Id);
        var keyIds = owners.Keys.ToList();
        var taken = await db.PasswordCredentials.Where(c => keyIds.Contains(c.KeyId)).Select(c => new { c.KeyId, c.ApplicationId })
            .Concat(db.KeyCredentials.Where(c => keyIds.Contains(c.KeyId)).Select(c => new { c.KeyId, c.ApplicationId }))
            .ToListAsync(cancellationToken);
        return taken.FirstOrDefault(c => owners[c.KeyId] != c.ApplicationId) is { } clash
            ? $"The credential keyId {clash.KeyId} belongs to another application."
            : null;
    }

    /// <summary>Writes the document's service principals, then adds the ones every tenant and every app needs; returns how many the tenant gained or updated.</summary>
    private async Task<Outcome<int, DirectoryError>> WriteServicePrincipalsAsync(List<Application> applications, CancellationToken cancellationToken)
    {
        var ids = document.ServicePrincipals.Select(sp => sp.Id).ToList();
        var appIds = document.ServicePrincipals.Select(sp => sp.AppId).Concat(applications.Select(a => a.AppId)).Concat(FirstPartyClients.ServicePrincipals.Select(f => f.AppId)).ToList();
        var existing = await db.ServicePrincipals.IgnoreQueryFilters().Where(sp => sp.TenantId == tenantId && (ids.Contains(sp.Id) || appIds.Contains(sp.AppId)))
            .Select(sp => new { sp.Id, sp.AppId }).ToListAsync(cancellationToken);
        for (var i = 0; i < document.ServicePrincipals.Count; i++)
        {
            var entry = document.ServicePrincipals[i];
            if (existing.FirstOrDefault(sp => sp.Id == entry.Id) is { } same && same.AppId != entry.AppId)
            {
                return DirectoryError.Conflict($"$.servicePrincipals[{i}].appId: the tenant's service principal {same.Id} is for appId {same.AppId}, and an appId never changes.");
            }

            if (existing.FirstOrDefault(sp => sp.AppId == entry.AppId && sp.Id != entry.Id) is { } other)
            {
                await RekeyServicePrincipalAsync(other.Id, entry.Id, cancellationToken);
            }
        }

        var servicePrincipals = await db.ServicePrincipals.IgnoreQueryFilters().Where(sp => sp.TenantId == tenantId && appIds.Contains(sp.AppId)).ToListAsync(cancellationToken);
        foreach (var entry in document.ServicePrincipals)
        {
            var servicePrincipal = servicePrincipals.FirstOrDefault(sp => sp.Id == entry.Id);
            if (servicePrincipal is null)
            {
                servicePrincipal = new ServicePrincipal { Id = entry.Id, TenantId = tenantId, AppId = entry.AppId, CreatedDateTime = now };
                db.ServicePrincipals.Add(servicePrincipal);
                servicePrincipals.Add(servicePrincipal);
            }

            servicePrincipal.DisplayName = entry.DisplayName ?? "";
            servicePrincipal.AppOwnerOrganizationId = entry.AppOwnerOrganizationId ?? tenantId;
            servicePrincipal.AccountEnabled = entry.AccountEnabled;
            servicePrincipal.AppRoleAssignmentRequired = entry.AppRoleAssignmentRequired;
            servicePrincipal.CreatedDateTime = Stored(entry.CreatedDateTime) ?? servicePrincipal.CreatedDateTime;
            servicePrincipal.ServicePrincipalType = entry.ManagedIdentityType is null ? "Application" : ManagedIdentityDirectory.ServicePrincipalType;
            servicePrincipal.ManagedIdentityType = entry.ManagedIdentityType;
            servicePrincipal.IdentityHeaderSalt = entry.IdentityHeaderHash?.Salt;
            servicePrincipal.IdentityHeaderHash = entry.IdentityHeaderHash?.Hash;
            servicePrincipal.DeletedDateTime = null;
        }

        // Every tenant has the first-party APIs and clients, and every app a service principal in its home tenant.
        var missing = FirstPartyClients.ServicePrincipals.Select(f => (f.AppId, f.DisplayName, Owner: FirstPartyApi.MicrosoftServicesTenantId))
            .Concat(applications.Select(a => (a.AppId, a.DisplayName, Owner: tenantId)))
            .Where(m => servicePrincipals.All(sp => sp.AppId != m.AppId))
            .Select(m => ServicePrincipal.Create(tenantId, m.AppId, m.DisplayName, m.Owner, now)).ToList();
        db.ServicePrincipals.AddRange(missing);
        foreach (var servicePrincipal in servicePrincipals.Concat(missing))
        {
            principalTypes[servicePrincipal.Id] = DirectoryObjectType.ServicePrincipal;
        }

        return document.ServicePrincipals.Count + missing.Count;
    }

    /// <summary>
    /// Gives the tenant's service principal of an appId the document's object ID, and moves every link to it along:
    /// what it is assigned and granted, and what is granted on it, stays.
    /// </summary>
    private async Task RekeyServicePrincipalAsync(Guid from, Guid to, CancellationToken cancellationToken)
    {
        await db.ServicePrincipals.IgnoreQueryFilters().Where(sp => sp.Id == from).ExecuteUpdateAsync(s => s.SetProperty(sp => sp.Id, to), cancellationToken);
        await db.AppRoleAssignments.Where(a => a.PrincipalId == from).ExecuteUpdateAsync(s => s.SetProperty(a => a.PrincipalId, to), cancellationToken);
        await db.AppRoleAssignments.Where(a => a.ResourceId == from).ExecuteUpdateAsync(s => s.SetProperty(a => a.ResourceId, to), cancellationToken);
        await db.OAuth2PermissionGrants.Where(g => g.ClientId == from).ExecuteUpdateAsync(s => s.SetProperty(g => g.ClientId, to), cancellationToken);
        await db.OAuth2PermissionGrants.Where(g => g.ResourceId == from).ExecuteUpdateAsync(s => s.SetProperty(g => g.ResourceId, to), cancellationToken);
        await db.GroupMembers.Where(m => m.MemberId == from).ExecuteUpdateAsync(s => s.SetProperty(m => m.MemberId, to), cancellationToken);
        await db.GroupOwners.Where(o => o.OwnerId == from).ExecuteUpdateAsync(s => s.SetProperty(o => o.OwnerId, to), cancellationToken);
        await db.ApplicationOwners.Where(o => o.OwnerId == from).ExecuteUpdateAsync(s => s.SetProperty(o => o.OwnerId, to), cancellationToken);
        await db.DirectoryRoleMembers.Where(m => m.PrincipalId == from).ExecuteUpdateAsync(s => s.SetProperty(m => m.PrincipalId, to), cancellationToken);
        principalTypes.Remove(from);
        principalTypes[to] = DirectoryObjectType.ServicePrincipal;
    }
}
