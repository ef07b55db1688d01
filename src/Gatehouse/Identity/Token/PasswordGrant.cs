using Gatehouse.DirectoryObjects.Users;
using Gatehouse.Identity.Authorize;
using Gatehouse.Identity.Clients;
using Gatehouse.Identity.Tenancy;
using Gatehouse.Identity.Tokens;

namespace Gatehouse.Identity.Token;

/// <summary>
/// grant_type=password (RFC 6749 §4.3, "ROPC"), kept for old scripts: the password is checked with the sign-in page's
/// smart lockout, so wrong passwords here count toward the same lockout. There is no page to consent on, so every scope
/// must already be granted (AADSTS65001). A client without a credential needs "Allow public client flows".
/// </summary>
internal sealed class PasswordGrant(IServiceScopeFactory scopes, ClientAuthenticator authenticator, DelegatedScopes delegated, DelegatedTokens tokens)
{
    public const string GrantType = "password";

    public async Task<(TokenResult? Result, AadstsError? Error)> HandleAsync(
        TokenRequest request, ClientCredentials credentials, TenantRoute tenant, TokenEndpointUrls urls, CancellationToken cancellationToken)
    {
        if (!tenant.IsSpecificTenant)
        {
            return (null, Aadsts.NeedsTenant());
        }

        if (request.Username is not { } username)
        {
            return (null, Aadsts.MissingParameter("username"));
        }

        if (request.Password is not { } password)
        {
            return (null, Aadsts.MissingParameter("password"));
        }

        var (client, authenticationError) = await authenticator.AuthenticateOrIdentifyAsync(credentials, tenant, urls, cancellationToken);
        if (client is null)
        {
            return (null, authenticationError);
        }

        if (credentials.IsPublic && !client.Client.AllowsPublicClientFlows)
        {
            return (null, Aadsts.PublicClientFlowsDisabled(client.Client.AppId));
        }

        // The request is checked before the password, so that a malformed one does not count toward the lockout.
        var tenantId = tenant.TenantId!.Value;
        var scopeParameter = urls.V2 ? request.Scope : RequestedScopes.FromResource(request.Resource);
        if (scopeParameter is null)
        {
            return (null, Aadsts.MissingParameter(urls.V2 ? "scope" : "resource"));
        }

        var (requested, scopeError) = RequestedScopes.Parse(scopeParameter);
        var application = await delegated.FindClientAsync(tenantId, client.Client.AppId, cancellationToken);
        if (requested is null || application is null)
        {
            return (null, scopeError ?? Aadsts.ClientNotFound(client.Client.AppId.ToString(), tenant.Segment));
        }

        var (scopeRequest, resolveError) = await delegated.ResolveAsync(tenantId, application, requested, cancellationToken);
        if (scopeRequest is null)
        {
            return (null, resolveError);
        }

        var (user, signInError) = await CheckPasswordAsync(username, password, tenant, cancellationToken);
        if (user is null)
        {
            return (null, signInError);
        }

        var granted = await delegated.GrantedAsync(tenantId, client.Client.AppId, scopeRequest.ResourceAppId, user.Id, cancellationToken);
        if (scopeRequest.Missing(granted).Count > 0)
        {
            return (null, Aadsts.ConsentRequiredForGrant(client.Client.AppId));
        }

        return await tokens.IssueAsync(GrantType, client, user, scopeRequest.ResourceAppId, scopeRequest.TokenScope(granted), nonce: null,
            request.WantsClientInfo, new RefreshFamily(null, null), cancellationToken);
    }

    private async Task<(SignedInUser? User, AadstsError? Error)> CheckPasswordAsync(string username, string password, TenantRoute tenant, CancellationToken cancellationToken)
    {
        if (username.Length > 256 || password.Length > 256)
        {
            return (null, Aadsts.WrongPassword());
        }

        await using var scope = scopes.CreateAsyncScope();
        var check = await scope.ServiceProvider.GetRequiredService<PasswordSignIn>().CheckAsync(username, password, cancellationToken);
        if (check.User is { } found && found.TenantId != tenant.TenantId)
        {
            return (null, Aadsts.UserNotFound(username, tenant.Segment));
        }

        return check.Outcome switch
        {
            SignInOutcome.Succeeded => (new SignedInUser(check.User!.Id, check.User.TenantId, check.User.DisplayName, check.User.UserPrincipalName), null),
            SignInOutcome.UnknownUser => (null, Aadsts.UserNotFound(username, tenant.Segment)),
            SignInOutcome.LockedOut => (null, Aadsts.AccountLocked()),
            SignInOutcome.Disabled => (null, Aadsts.AccountDisabled()),
            _ => (null, Aadsts.WrongPassword()),
        };
    }
}
