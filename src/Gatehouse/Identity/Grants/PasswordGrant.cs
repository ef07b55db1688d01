using System.Net;
using Gatehouse.DirectoryObjects.Users;
using Gatehouse.Identity.Clients;
using Gatehouse.Identity.Issuance;
using Gatehouse.Identity.Protocol;
using Gatehouse.Identity.Resources;

namespace Gatehouse.Identity.Grants;

/// <summary>
/// grant_type=password (RFC 6749 §4.3, "ROPC"), kept for old scripts: the password is checked with the sign-in page's
/// smart lockout, so wrong passwords here count toward the same lockout. There is no page to consent on, so every scope
/// must already be granted (AADSTS65001). A client without a credential needs "Allow public client flows". On
/// /organizations the tenant is the one the username's domain belongs to; /common and /consumers refuse the grant
/// (docs/protocol/entra-protocol.md §3.8).
/// </summary>
internal sealed class PasswordGrant(
    IServiceScopeFactory scopes, TenantResolver tenants, ClientAuthenticator authenticator, ClientRegistrations registrations, DelegatedScopes delegated, DelegatedTokens tokens)
{
    public const string GrantType = "password";

    /// <param name="remoteAddress">The caller's address, which failed sign-ins are counted against.</param>
    public async Task<Outcome<TokenResult, AadstsError>> HandleAsync(
        TokenRequest request, ClientCredentials credentials, TenantRoute tenant, TokenEndpointUrls urls, IPAddress? remoteAddress, CancellationToken cancellationToken)
    {
        if (request.Username is not { } username)
        {
            return Aadsts.MissingParameter("username");
        }

        if (tenant.Segment == TenantRoute.Organizations)
        {
            var home = await HomeTenantAsync(username, cancellationToken);
            if (home is null)
            {
                return Aadsts.UserNotFound(username, tenant.Segment);
            }

            tenant = home;
        }

        if (tenant.TenantId is not { } tenantId)
        {
            return Aadsts.NeedsTenant();
        }

        if (request.Password is not { } password)
        {
            return Aadsts.MissingParameter("password");
        }

        var authenticated = await authenticator.AuthenticateOrIdentifyAsync(credentials, tenant, urls, cancellationToken);
        if (!authenticated.Succeeded)
        {
            return authenticated.Error;
        }

        var client = authenticated.Value;
        if (credentials.IsPublic && !client.Client.AllowsPublicClientFlows)
        {
            return Aadsts.PublicClientFlowsDisabled(client.Client.AppId);
        }

        // The request is checked before the password, so that a malformed one does not count toward the lockout.
        var requested = RequestedScopes.Read(request, urls.V2);
        if (!requested.Succeeded)
        {
            return requested.Error;
        }

        var application = await registrations.FindClientAsync(tenantId, client.Client.AppId, cancellationToken);
        if (application is null)
        {
            return Aadsts.ClientNotFound(client.Client.AppId.ToString(), tenant.Segment);
        }

        var scopeRequest = await delegated.ResolveAsync(tenantId, application, requested.Value, cancellationToken);
        if (!scopeRequest.Succeeded)
        {
            return scopeRequest.Error;
        }

        var user = await CheckPasswordAsync(username, password, tenant, remoteAddress, cancellationToken);
        if (!user.Succeeded)
        {
            return user.Error;
        }

        var granted = await delegated.GrantedAsync(tenantId, client.Client.AppId, scopeRequest.Value.ResourceAppId, user.Value.Id, cancellationToken);
        if (scopeRequest.Value.Missing(granted).Count > 0)
        {
            return Aadsts.ConsentRequiredForGrant(client.Client.AppId);
        }

        return await tokens.IssueAsync(urls.Issuer, GrantType, client, user.Value, scopeRequest.Value.ResourceAppId, scopeRequest.Value.TokenScope(granted), nonce: null,
            request.WantsClientInfo, new RefreshFamily(null, null), cancellationToken);
    }

    /// <summary>The tenant the username's domain is verified in, or null when none is.</summary>
    private async Task<TenantRoute?> HomeTenantAsync(string username, CancellationToken cancellationToken)
    {
        var at = username.LastIndexOf('@');
        var domain = at > 0 && username.Length <= 256 ? username[(at + 1)..] : "";
        if (domain.Length == 0 || TenantRoute.IsAlias(domain))
        {
            return null;
        }

        var resolved = await tenants.ResolveAsync(domain, discovery: false, cancellationToken);
        return resolved is { Succeeded: true, Value.IsSpecificTenant: true } ? resolved.Value : null;
    }

    private async Task<Outcome<SignedInUser, AadstsError>> CheckPasswordAsync(
        string username, string password, TenantRoute tenant, IPAddress? remoteAddress, CancellationToken cancellationToken)
    {
        if (username.Length > 256 || password.Length > 256)
        {
            return Aadsts.WrongPassword();
        }

        await using var scope = scopes.CreateAsyncScope();
        var check = await scope.ServiceProvider.GetRequiredService<PasswordSignIn>().CheckAsync(username, password, remoteAddress, cancellationToken);
        // A user of another tenant is known, but not to this one (docs/protocol/entra-protocol.md §3.8).
        if (check.User is { } found && found.TenantId != tenant.TenantId)
        {
            return Aadsts.UserNotInTenant(tenant.Segment);
        }

        return check switch
        {
            { Outcome: SignInOutcome.Succeeded, User: { } user } => new SignedInUser(user.Id, user.TenantId, user.DisplayName, user.UserPrincipalName),
            { Outcome: SignInOutcome.UnknownUser } => Aadsts.UserNotFound(username, tenant.Segment),
            { Outcome: SignInOutcome.LockedOut } => Aadsts.AccountLocked(),
            { Outcome: SignInOutcome.Throttled } => Aadsts.SignInThrottled(check.RetryAfter),
            { Outcome: SignInOutcome.Disabled } => Aadsts.AccountDisabled(),
            _ => Aadsts.WrongPassword(),
        };
    }
}
