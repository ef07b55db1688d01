using Gatehouse.Data;
using Gatehouse.DirectoryObjects.Permissions;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.DirectoryObjects.Consent;

/// <summary>
/// Delegated permission grants as objects of their own (Graph's oauth2PermissionGrants): made, re-scoped and deleted
/// directly, beside the ones admin and user consent make. Scopes must be delegated permissions the resource offers.
/// </summary>
internal sealed class PermissionGrants(GatehouseDb db, ApiResources resources)
{
    public async Task<Outcome<OAuth2PermissionGrant, DirectoryError>> CreateAsync(Guid tenantId, NewPermissionGrant request, CancellationToken cancellationToken)
    {
        if (request.ConsentType is not (OAuth2PermissionGrant.AllPrincipals or OAuth2PermissionGrant.Principal))
        {
            return DirectoryError.Invalid("consentType must be AllPrincipals or Principal.");
        }

        if ((request.ConsentType == OAuth2PermissionGrant.Principal) != request.PrincipalId.HasValue)
        {
            return DirectoryError.Invalid("principalId is required when consentType is Principal, and must be absent when it is AllPrincipals.");
        }

        var principals = await db.ServicePrincipals.AsNoTracking()
            .Where(sp => sp.TenantId == tenantId && (sp.Id == request.ClientId || sp.Id == request.ResourceId))
            .ToDictionaryAsync(sp => sp.Id, sp => sp.AppId, cancellationToken);
        if (!principals.ContainsKey(request.ClientId) || !principals.TryGetValue(request.ResourceId, out var resourceAppId))
        {
            return DirectoryError.NotFound($"Service principal '{(principals.ContainsKey(request.ClientId) ? request.ResourceId : request.ClientId)}' does not exist.");
        }

        if (request.PrincipalId is { } userId && !await db.Users.AnyAsync(u => u.TenantId == tenantId && u.Id == userId, cancellationToken))
        {
            return DirectoryError.NotFound($"User '{userId}' does not exist.");
        }

        if (await ScopeProblemAsync(resourceAppId, request.Scope, cancellationToken) is { } problem)
        {
            return problem;
        }

        var exists = await db.OAuth2PermissionGrants.AnyAsync(
            g => g.TenantId == tenantId && g.ClientId == request.ClientId && g.ResourceId == request.ResourceId
                && g.ConsentType == request.ConsentType && g.PrincipalId == request.PrincipalId,
            cancellationToken);
        if (exists)
        {
            return DirectoryError.Conflict("Permission entry already exists.");
        }

        var grant = new OAuth2PermissionGrant
        {
            Id = OpaqueId.New(),
            TenantId = tenantId,
            ClientId = request.ClientId,
            ConsentType = request.ConsentType,
            PrincipalId = request.PrincipalId,
            ResourceId = request.ResourceId,
            Scope = Normalize(request.Scope),
        };
        db.OAuth2PermissionGrants.Add(grant);
        await db.SaveChangesAsync(cancellationToken);
        return grant;
    }

    public Task<OAuth2PermissionGrant?> FindAsync(Guid tenantId, string id, CancellationToken cancellationToken) =>
        db.OAuth2PermissionGrants.FirstOrDefaultAsync(g => g.TenantId == tenantId && g.Id == id, cancellationToken);

    public async Task<Outcome<OAuth2PermissionGrant, DirectoryError>> SetScopeAsync(OAuth2PermissionGrant grant, string scope, CancellationToken cancellationToken)
    {
        var resourceAppId = await db.ServicePrincipals.Where(sp => sp.Id == grant.ResourceId).Select(sp => sp.AppId).FirstOrDefaultAsync(cancellationToken);
        if (await ScopeProblemAsync(resourceAppId, scope, cancellationToken) is { } problem)
        {
            return problem;
        }

        grant.Scope = Normalize(scope);
        await db.SaveChangesAsync(cancellationToken);
        return grant;
    }

    public async Task DeleteAsync(OAuth2PermissionGrant grant, CancellationToken cancellationToken)
    {
        db.OAuth2PermissionGrants.Remove(grant);
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<DirectoryError?> ScopeProblemAsync(Guid resourceAppId, string scope, CancellationToken cancellationToken)
    {
        var definition = await resources.FindByAppIdAsync(resourceAppId, cancellationToken);
        var offered = definition?.DelegatedPermissions.Select(s => s.Value).ToHashSet(StringComparer.Ordinal) ?? [];
        var unknown = scope.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(s => !offered.Contains(s));
        return unknown is null ? null : DirectoryError.Invalid($"'{unknown}' is not a delegated permission of {definition?.DisplayName ?? resourceAppId.ToString()}.");
    }

    private static string Normalize(string scope) => string.Join(' ', scope.Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal));
}

/// <summary>What POST /oauth2PermissionGrants asks for: client and resource are service principal object ids.</summary>
internal sealed record NewPermissionGrant(Guid ClientId, string ConsentType, Guid? PrincipalId, Guid ResourceId, string Scope);
