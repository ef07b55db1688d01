using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using Gatehouse.Data;
using Gatehouse.DirectoryObjects.Permissions;
using Gatehouse.Identity.Clients;
using Gatehouse.Identity.Protocol;
using Gatehouse.Identity.Resources;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Identity.Issuance;

/// <summary>
/// What a user flow answers (docs/protocol/entra-protocol.md §3.5): a delegated access token, an ID token when openid was
/// granted, client_info when asked for, and a refresh token (of the sign-in's family) when offline_access was granted.
/// </summary>
internal sealed class DelegatedTokens(
    IServiceScopeFactory scopes, ResourceResolver resources, AccessTokenIssuer issuer, RefreshTokens refreshTokens, ClientSnapshots clients)
{
    private const string ImplicitGrant = "implicit";

    private static readonly string[] OidcScopes = ["openid", "profile", "email", RequestedScopes.OfflineAccess];

    /// <summary>The user, if they still exist and may sign in.</summary>
    public async Task<SignedInUser?> FindUserAsync(Guid tenantId, Guid userId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GatehouseDb>();
        return await db.Users.AsNoTracking()
            .Where(u => u.Id == userId && u.TenantId == tenantId && u.AccountEnabled)
            .Select(u => new SignedInUser(u.Id, u.TenantId, u.DisplayName, u.UserPrincipalName))
            .FirstOrDefaultAsync(cancellationToken);
    }

    public static bool Includes(string scope, string value) => scope.Split(' ').Contains(value, StringComparer.Ordinal);

    public async Task<Outcome<TokenResult, AadstsError>> IssueAsync(
        IssuerUrls urls, string grantType, AuthenticatedClient client, SignedInUser user, Guid resourceAppId, string scope, string? nonce, bool wantsClientInfo,
        RefreshFamily family, CancellationToken cancellationToken)
    {
        var access = await AccessTokenAsync(urls, grantType, client, user, resourceAppId, scope, cancellationToken);
        if (!access.Succeeded)
        {
            return access.Error;
        }

        var values = scope.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var idToken = values.Contains("openid", StringComparer.Ordinal)
            ? await IssueIdTokenAsync(urls, client.Client.AppId, user, nonce, family.SessionId, FrontChannel.None, cancellationToken)
            : null;

        string? refreshToken = null;
        if (values.Contains(RequestedScopes.OfflineAccess, StringComparer.Ordinal))
        {
            var template = new RefreshToken
            {
                TenantId = user.TenantId,
                ClientId = client.Client.AppId,
                UserId = user.Id,
                ResourceAppId = resourceAppId,
                Scope = scope,
                IsPublicClient = client.AuthenticationMethod == AuthenticatedClient.PublicClient,
                SessionId = family.SessionId,
                SpaOrigin = family.SpaOrigin,
            };
            refreshToken = await refreshTokens.IssueAsync(template, family.FamilyId, family.AuthorizationCodeHash, family.SpaDeadline, cancellationToken);
        }

        return access.Value with { IdToken = idToken, ClientInfo = wantsClientInfo ? ClientInfo(user) : null, RefreshToken = refreshToken, ReadableFrom = family.SpaOrigin };
    }

    /// <summary>
    /// The implicit grant's access token (RFC 6749 §4.2.2; docs/protocol/entra-protocol.md §3.3): the one the token
    /// endpoint would issue the client for the user and scope, from a client that is only identified (appidacr and
    /// azpacr 0), and never with a refresh token.
    /// </summary>
    public async Task<Outcome<TokenResult, AadstsError>> IssueImplicitAsync(
        IssuerUrls urls, Guid clientId, SignedInUser user, Guid resourceAppId, string scope, CancellationToken cancellationToken)
    {
        if (await clients.FindAsync(user.TenantId, clientId, cancellationToken) is not { } client)
        {
            return Aadsts.ClientNotFound(clientId.ToString(), user.TenantId.ToString());
        }

        var withoutRefresh = string.Join(' ', scope.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(v => v != RequestedScopes.OfflineAccess));
        return await AccessTokenAsync(
            urls, ImplicitGrant, new AuthenticatedClient(client, AuthenticatedClient.PublicClient), user, resourceAppId, withoutRefresh, cancellationToken);
    }

    /// <summary>
    /// The ID token the authorize endpoint answers with for a response_type with id_token (OpenID Connect Core §3.2.2.10,
    /// §3.3.2.11), with the hashes of the code and access token it travels with.
    /// </summary>
    public async Task<string> IssueIdTokenAsync(
        IssuerUrls urls, Guid clientId, SignedInUser user, string? nonce, string? sessionId, FrontChannel accompanies, CancellationToken cancellationToken) =>
        await issuer.IssueIdTokenAsync(urls, clientId, user, nonce, await UserRolesAsync(user, clientId, cancellationToken), sessionId, accompanies, cancellationToken);

    /// <summary>The delegated access token for the resource, and the scope answered with it.</summary>
    private async Task<Outcome<TokenResult, AadstsError>> AccessTokenAsync(
        IssuerUrls urls, string grantType, AuthenticatedClient client, SignedInUser user, Guid resourceAppId, string scope, CancellationToken cancellationToken)
    {
        var resource = await resources.FindAsync(user.TenantId, resourceAppId.ToString(), cancellationToken);
        if (resource is null)
        {
            return Aadsts.ResourceNotFound(resourceAppId.ToString(), user.TenantId);
        }

        var values = scope.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var resourceScopes = values.Where(v => !OidcScopes.Contains(v, StringComparer.Ordinal)).ToList();
        var roles = await UserRolesAsync(user, resourceAppId, cancellationToken);
        var token = await issuer.IssueDelegatedAsync(urls, client, resource, user, string.Join(' ', resourceScopes), roles, cancellationToken);

        // Graph's scopes are answered bare, as Entra does; another API's with its App ID URI (else its appId) in front.
        var isGraph = resourceAppId == Guid.Parse("00000003-0000-0000-c000-000000000000");
        var prefix = (resource.AppIdUri ?? resourceAppId.ToString()).TrimEnd('/');
        var answered = resourceScopes.Select(s => isGraph ? s : $"{prefix}/{s}").Concat(values.Where(v => OidcScopes.Contains(v, StringComparer.Ordinal)));
        return new TokenResult(token, resourceAppId.ToString(), grantType, client, resource, user, string.Join(' ', answered));
    }

    /// <summary>
    /// The app roles of <paramref name="appId"/> the user is assigned, directly or through a group they are a member of
    /// (docs/protocol/entra-protocol.md §4.2: roles in user tokens are assigned app roles).
    /// </summary>
    private async Task<string[]> UserRolesAsync(SignedInUser user, Guid appId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GatehouseDb>();
        var roleIds = await db.AppRoleAssignments.AsNoTracking()
            .Where(a => a.TenantId == user.TenantId
                && db.ServicePrincipals.Any(sp => sp.Id == a.ResourceId && sp.TenantId == user.TenantId && sp.AppId == appId)
                && (a.PrincipalId == user.Id || db.GroupMembers.Any(m => m.GroupId == a.PrincipalId && m.MemberId == user.Id)))
            .Select(a => a.AppRoleId)
            .ToListAsync(cancellationToken);
        if (roleIds.Count == 0)
        {
            return [];
        }

        var definition = await scope.ServiceProvider.GetRequiredService<ApiResources>().FindByAppIdAsync(appId, cancellationToken);
        return definition?.AppRoles.Where(r => r.IsEnabled && roleIds.Contains(r.Id)).Select(r => r.Value).Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal).ToArray() ?? [];
    }

    /// <summary>base64url({"uid":oid,"utid":tid}): MSAL's home account ID is uid.utid.</summary>
    private static string ClientInfo(SignedInUser user) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["uid"] = user.Id.ToString(),
            ["utid"] = user.TenantId.ToString(),
        })));
}
