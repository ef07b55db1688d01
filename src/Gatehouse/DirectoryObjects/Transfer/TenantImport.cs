using System.Text.Json;
using System.Text.Json.Nodes;
using Gatehouse.Data;
using Gatehouse.DirectoryObjects.Applications;
using Gatehouse.DirectoryObjects.Consent;
using Gatehouse.DirectoryObjects.Credentials;
using Gatehouse.DirectoryObjects.Groups;
using Gatehouse.DirectoryObjects.Logs;
using Gatehouse.DirectoryObjects.Permissions.FirstParty;
using Gatehouse.DirectoryObjects.Roles;
using Gatehouse.DirectoryObjects.ManagedIdentities;
using Gatehouse.DirectoryObjects.ServicePrincipals;
using Gatehouse.DirectoryObjects.Tenants;
using Gatehouse.DirectoryObjects.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.DirectoryObjects.Transfer;

/// <summary>
/// Makes a tenant exactly what a <see cref="TenantDocument"/> describes, replacing whatever the tenant held.
/// All or nothing: the document is checked first, then written in one transaction, audited as one "Import tenant" entry.
/// </summary>
internal sealed class TenantImport(GatehouseDb db, TimeProvider clock, IPasswordHasher<User> hasher, AdminConsent adminConsent, TenantRemoval removal)
{
    public async Task<Outcome<ImportSummary, DirectoryError>> ImportAsync(ReadOnlyMemory<byte> json, CancellationToken cancellationToken)
    {
        TenantDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<TenantDocument>(json.Span, TenantDocumentJson.Options);
        }
        catch (JsonException e)
        {
            return DirectoryError.Invalid($"The file is not a tenant document: {e.Message}");
        }

        if (document is null)
        {
            return DirectoryError.Invalid("The file is not a tenant document: it is empty.");
        }

        if (TenantDocumentRules.Check(document) is { } problem)
        {
            return DirectoryError.Invalid(problem);
        }

        if (await ConflictWithOtherTenantsAsync(document, cancellationToken) is { } conflict)
        {
            return DirectoryError.Conflict(conflict);
        }

        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            SummarizedAudit.Begin();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var tenantId = document.Tenant.Id;
            await removal.RemoveDirectoryAsync(tenantId, cancellationToken);
            db.ChangeTracker.Clear();
            var (summary, toConsent) = Materialize(document);
            await db.SaveChangesAsync(cancellationToken);

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

            db.DirectoryAudits.Add(AuditEntry(summary, document.Tenant.DisplayName));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return summary;
        });
    }

    /// <summary>The import's one audit entry, with what it wrote, rather than an entry for each object.</summary>
    private static DirectoryAuditEntry AuditEntry(ImportSummary summary, string tenantName) => DirectoryAuditEntry.About(
        summary.TenantId, "DirectoryManagement", ("Import tenant", "Update"), "Tenant", summary.TenantId.ToString(), tenantName,
        new JsonArray(
        [
            DirectoryAuditEntry.ModifiedProperty("Users", null, summary.Users),
            DirectoryAuditEntry.ModifiedProperty("Groups", null, summary.Groups),
            DirectoryAuditEntry.ModifiedProperty("Applications", null, summary.Applications),
            DirectoryAuditEntry.ModifiedProperty("ServicePrincipals", null, summary.ServicePrincipals),
            DirectoryAuditEntry.ModifiedProperty("AppRoleAssignments", null, summary.AppRoleAssignments),
            DirectoryAuditEntry.ModifiedProperty("Oauth2PermissionGrants", null, summary.Oauth2PermissionGrants),
        ]).ToJsonString());

    private async Task<string?> ConflictWithOtherTenantsAsync(TenantDocument document, CancellationToken cancellationToken)
    {
        var tenantId = document.Tenant.Id;
        var domains = document.Tenant.Domains.Select(d => d.Name.ToLowerInvariant()).ToList();
        var takenDomain = await db.TenantDomains.Where(d => d.TenantId != tenantId && domains.Contains(d.Name)).Select(d => d.Name).FirstOrDefaultAsync(cancellationToken);
        if (takenDomain is not null)
        {
            return $"The domain '{takenDomain}' belongs to another tenant.";
        }

        var appIds = document.Applications.Where(a => a.AppId is not null).Select(a => a.AppId!.Value).ToList();
        var takenAppId = await db.Applications.IgnoreQueryFilters().Where(a => a.TenantId != tenantId && appIds.Contains(a.AppId)).Select(a => (Guid?)a.AppId).FirstOrDefaultAsync(cancellationToken);
        return takenAppId is null ? null : $"The application ID {takenAppId} belongs to an app of another tenant.";
    }

    /// <summary>Adds the document's objects to the context; returns what was added and the apps to grant admin consent for.</summary>
    private (ImportSummary Summary, List<Guid> ToConsent) Materialize(TenantDocument document)
    {
        var now = clock.StoreNow();
        var tenantId = document.Tenant.Id;
        var domains = document.Tenant.Domains;
        var defaultDomain = domains.FirstOrDefault(d => d.IsDefault) ?? domains[0];
        db.Tenants.Add(new Tenant
        {
            Id = tenantId,
            DisplayName = document.Tenant.DisplayName,
            CreatedDateTime = Stored(document.Tenant.CreatedDateTime) ?? now,
            UsersCanRegisterApplications = document.Tenant.UsersCanRegisterApplications,
            MaxSecretLifetimeDays = document.Tenant.MaxSecretLifetimeDays,
            Domains = [.. domains.Select(d => new TenantDomain
            {
                Name = d.Name.ToLowerInvariant(),
                TenantId = tenantId,
                IsDefault = ReferenceEquals(d, defaultDomain),
                IsInitial = d.IsInitial,
                IsVerified = d.IsVerified,
            })],
        });

        var principalTypes = new Dictionary<Guid, DirectoryObjectType>();
        foreach (var entry in document.Users)
        {
            var user = new User
            {
                Id = entry.Id ?? Guid.NewGuid(),
                TenantId = tenantId,
                UserPrincipalName = entry.UserPrincipalName,
                NormalizedUserPrincipalName = User.Normalize(entry.UserPrincipalName),
                DisplayName = entry.DisplayName ?? entry.UserPrincipalName.Split('@')[0],
                GivenName = entry.GivenName,
                Surname = entry.Surname,
                Mail = entry.Mail,
                AccountEnabled = entry.AccountEnabled,
                UserType = entry.UserType,
                CreatedDateTime = Stored(entry.CreatedDateTime) ?? now,
                PasswordHash = entry.PasswordHash,
            };
            if (entry.Password is not null)
            {
                user.PasswordHash = hasher.HashPassword(user, entry.Password);
                user.HasWellKnownPassword = WellKnownPasswords.Contains(entry.Password);
            }

            principalTypes[user.Id] = DirectoryObjectType.User;
            db.Users.Add(user);
        }

        var groups = document.Groups.Select(entry => (entry, group: new Group
        {
            Id = entry.Id ?? Guid.NewGuid(),
            TenantId = tenantId,
            DisplayName = entry.DisplayName,
            Description = entry.Description,
            MailNickname = entry.MailNickname ?? "",
            MailEnabled = entry.MailEnabled,
            SecurityEnabled = entry.SecurityEnabled,
            Visibility = entry.Visibility,
            CreatedDateTime = Stored(entry.CreatedDateTime) ?? now,
        })).ToList();
        foreach (var (_, group) in groups)
        {
            principalTypes[group.Id] = DirectoryObjectType.Group;
        }

        var servicePrincipals = document.ServicePrincipals.Select(entry => new ServicePrincipal
        {
            Id = entry.Id,
            TenantId = tenantId,
            AppId = entry.AppId,
            DisplayName = entry.DisplayName ?? "",
            AppOwnerOrganizationId = entry.AppOwnerOrganizationId ?? tenantId,
            AccountEnabled = entry.AccountEnabled,
            AppRoleAssignmentRequired = entry.AppRoleAssignmentRequired,
            CreatedDateTime = Stored(entry.CreatedDateTime) ?? now,
            ServicePrincipalType = entry.ManagedIdentityType is null ? "Application" : ManagedIdentityDirectory.ServicePrincipalType,
            ManagedIdentityType = entry.ManagedIdentityType,
            IdentityHeaderSalt = entry.IdentityHeaderHash?.Salt,
            IdentityHeaderHash = entry.IdentityHeaderHash?.Hash,
        }).ToList();

        var applications = document.Applications.Select(entry => ToApplication(entry, tenantId, now)).ToList();
        servicePrincipals.AddRange(MissingServicePrincipals(tenantId, servicePrincipals, applications, now));
        foreach (var servicePrincipal in servicePrincipals)
        {
            principalTypes[servicePrincipal.Id] = DirectoryObjectType.ServicePrincipal;
        }

        foreach (var (entry, group) in groups)
        {
            group.Members = [.. entry.Members.Distinct().Select(id => new GroupMember { GroupId = group.Id, MemberId = id, MemberType = principalTypes[id] })];
            group.Owners = [.. entry.Owners.Distinct().Select(id => new GroupOwner { GroupId = group.Id, OwnerId = id, OwnerType = principalTypes[id] })];
            db.Groups.Add(group);
        }

        foreach (var (application, entry) in applications.Zip(document.Applications))
        {
            application.Owners = [.. entry.Owners.Distinct().Select(id => new ApplicationOwner { ApplicationId = application.Id, OwnerId = id, OwnerType = principalTypes[id] })];
            db.Applications.Add(application);
        }

        db.ServicePrincipals.AddRange(servicePrincipals);
        db.DirectoryRoleMembers.AddRange(document.DirectoryRoles.SelectMany(role => role.Members.Distinct().Select(id => new DirectoryRoleMember
        {
            TenantId = tenantId, RoleTemplateId = role.RoleTemplateId, PrincipalId = id, PrincipalType = principalTypes[id],
        })));
        db.AppRoleAssignments.AddRange(document.AppRoleAssignments.Select(entry => new AppRoleAssignment
        {
            Id = entry.Id ?? OpaqueId.New(),
            TenantId = tenantId,
            PrincipalId = entry.PrincipalId,
            PrincipalType = principalTypes[entry.PrincipalId],
            ResourceId = entry.ResourceId,
            AppRoleId = entry.AppRoleId,
            CreatedDateTime = Stored(entry.CreatedDateTime) ?? now,
        }));
        db.OAuth2PermissionGrants.AddRange(document.Oauth2PermissionGrants.Select(entry => new OAuth2PermissionGrant
        {
            Id = entry.Id ?? OpaqueId.New(),
            TenantId = tenantId,
            ClientId = entry.ClientId,
            ConsentType = entry.ConsentType,
            PrincipalId = entry.PrincipalId,
            ResourceId = entry.ResourceId,
            Scope = entry.Scope,
        }));

        var summary = new ImportSummary(tenantId, document.Users.Count, groups.Count, applications.Count, servicePrincipals.Count,
            document.AppRoleAssignments.Count, document.Oauth2PermissionGrants.Count);
        var toConsent = applications.Zip(document.Applications).Where(pair => pair.Second.GrantAdminConsent == true).Select(pair => pair.First.Id).ToList();
        return (summary, toConsent);
    }

    private static Application ToApplication(ApplicationEntry entry, Guid tenantId, DateTimeOffset now)
    {
        var id = entry.Id ?? Guid.NewGuid();
        return new Application
        {
            Id = id,
            AppId = entry.AppId ?? Guid.NewGuid(),
            TenantId = tenantId,
            DisplayName = entry.DisplayName,
            SignInAudience = entry.SignInAudience,
            IdentifierUris = entry.IdentifierUris,
            WebRedirectUris = entry.Web.RedirectUris,
            WebHomePageUrl = entry.Web.HomePageUrl,
            WebLogoutUrl = entry.Web.LogoutUrl,
            EnableIdTokenIssuance = entry.Web.ImplicitGrantSettings.EnableIdTokenIssuance,
            EnableAccessTokenIssuance = entry.Web.ImplicitGrantSettings.EnableAccessTokenIssuance,
            SpaRedirectUris = entry.Spa.RedirectUris,
            PublicClientRedirectUris = entry.PublicClient.RedirectUris,
            IsFallbackPublicClient = entry.IsFallbackPublicClient,
            RequestedAccessTokenVersion = entry.Api.RequestedAccessTokenVersion,
            Oauth2PermissionScopes = entry.Api.Oauth2PermissionScopes,
            AppRoles = entry.AppRoles,
            RequiredResourceAccess = entry.RequiredResourceAccess,
            CreatedDateTime = Stored(entry.CreatedDateTime) ?? now,
            PasswordCredentials = [.. entry.PasswordCredentials.Select(c => ToSecret(c, id, now))],
            KeyCredentials = [.. entry.KeyCredentials.Select(c => ToCertificate(c, id))],
        };
    }

    private static PasswordCredential ToSecret(PasswordCredentialEntry entry, Guid applicationId, DateTimeOffset now)
    {
        var (salt, hash) = entry.SecretText is { } value ? ClientSecretHash.Compute(value) : (entry.SecretHash!.Salt, entry.SecretHash.Hash);
        var start = Stored(entry.StartDateTime) ?? now;
        return new PasswordCredential
        {
            KeyId = entry.KeyId ?? Guid.NewGuid(),
            ApplicationId = applicationId,
            DisplayName = entry.DisplayName,
            Hint = entry.SecretText?[..3] ?? entry.Hint!,
            StartDateTime = start,
            EndDateTime = Stored(entry.EndDateTime) ?? SecretExpiry.Parse("2y", start).Value,
            SecretSalt = salt,
            SecretHash = hash,
        };
    }

    // A document may give any offset and any precision; PostgreSQL takes only UTC and keeps microseconds. Both stores
    // keep (and export) the same instant when it is made UTC at the stores' resolution first.
    private static DateTimeOffset? Stored(DateTimeOffset? instant) => instant is { } value ? StoreClock.ToStoreResolution(value) : null;

    private static KeyCredential ToCertificate(KeyCredentialEntry entry, Guid applicationId)
    {
        // TenantDocumentRules refuses a document with a key that is no certificate before anything is written.
        var read = CertificateFile.Read(entry.Key);
        using var certificate = read.Succeeded ? read.Value : throw new InvalidOperationException(read.Error.Message);
        return new KeyCredential
        {
            KeyId = entry.KeyId ?? Guid.NewGuid(),
            ApplicationId = applicationId,
            DisplayName = entry.DisplayName ?? certificate.Subject,
            Thumbprint = certificate.Thumbprint,
            CustomKeyIdentifier = certificate.GetCertHash(),
            Key = certificate.RawData,
            StartDateTime = StoreClock.ToStoreResolution(new DateTimeOffset(certificate.NotBefore.ToUniversalTime(), TimeSpan.Zero)),
            EndDateTime = StoreClock.ToStoreResolution(new DateTimeOffset(certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero)),
        };
    }

    /// <summary>Every tenant has the first-party APIs and clients, and every app a service principal in its home tenant.</summary>
    private static List<ServicePrincipal> MissingServicePrincipals(
        Guid tenantId, IReadOnlyList<ServicePrincipal> present, IReadOnlyList<Application> applications, DateTimeOffset now)
    {
        var missingFirstParty = FirstPartyClients.ServicePrincipals.Where(firstParty => present.All(sp => sp.AppId != firstParty.AppId))
            .Select(firstParty => (firstParty.AppId, firstParty.DisplayName, Owner: FirstPartyApi.MicrosoftServicesTenantId));
        var missingApps = applications.Where(a => present.All(sp => sp.AppId != a.AppId))
            .Select(a => (a.AppId, a.DisplayName, Owner: tenantId));
        return missingFirstParty.Concat(missingApps)
            .Select(missing => ServicePrincipal.Create(tenantId, missing.AppId, missing.DisplayName, missing.Owner, now))
            .ToList();
    }
}
