using Gatehouse.Identity.Clients;
using Gatehouse.Identity.Issuance;
using Gatehouse.Identity.Protocol;

namespace Gatehouse.Identity.Grants;

/// <summary>
/// The device authorization grant's polling request (RFC 8628 §3.4): pending until the person approves at
/// /devicelogin, then tokens for them, once. A client without a credential needs "Allow public client flows". On
/// /common and /organizations the tenant is the approver's (docs/protocol/entra-protocol.md §3.8).
/// </summary>
internal sealed class DeviceCodeGrant(
    ClientAuthenticator authenticator, ClientRegistrations registrations, DeviceAuthorizations authorizations, DelegatedTokens tokens)
{
    public const string GrantType = "urn:ietf:params:oauth:grant-type:device_code";

    /// <summary>What MSAL.NET and msal-common send (docs/protocol/entra-protocol.md §3.3).</summary>
    public const string MsalGrantType = "device_code";

    public async Task<Outcome<TokenResult, AadstsError>> HandleAsync(
        TokenRequest request, ClientCredentials credentials, TenantRoute tenant, TokenEndpointUrls urls, CancellationToken cancellationToken)
    {
        if (request.DeviceCode is not { } deviceCode)
        {
            return Aadsts.MissingParameter("device_code");
        }

        var pollTenant = tenant.TenantId;
        if (!tenant.IsSpecificTenant)
        {
            if (tenant.Segment == TenantRoute.Consumers)
            {
                return Aadsts.NeedsTenant();
            }

            if (await ClientTenantOnAliasAsync(deviceCode, credentials.ClientId, cancellationToken) is not { } clientTenant)
            {
                return Aadsts.DeviceCodeUnknown();
            }

            tenant = tenant with { TenantId = clientTenant };
        }

        var client = await authenticator.AuthenticateOrIdentifyAsync(credentials, tenant, urls, cancellationToken);
        if (!client.Succeeded)
        {
            return client.Error;
        }

        if (credentials.IsPublic && !client.Value.Client.AllowsPublicClientFlows)
        {
            return Aadsts.PublicClientFlowsDisabled(client.Value.Client.AppId);
        }

        var (authorization, poll) = await authorizations.PollAsync(deviceCode, pollTenant, client.Value.Client.AppId, cancellationToken);
        if (poll != DevicePoll.Approved || authorization is not { UserId: { } userId })
        {
            return Refusal(poll);
        }

        // Approved on an alias between the look-up above and this poll: the client was found in its own tenant, not the approver's.
        if (authorization.TenantId != tenant.TenantId)
        {
            client = await authenticator.AuthenticateOrIdentifyAsync(credentials, tenant with { TenantId = authorization.TenantId }, urls, cancellationToken);
            if (!client.Succeeded)
            {
                return client.Error;
            }
        }

        var user = await tokens.FindUserAsync(authorization.TenantId, userId, cancellationToken);
        if (user is null)
        {
            return Aadsts.DeviceCodeUnknown();
        }

        return await tokens.IssueAsync(urls.Issuer, GrantType, client.Value, user, authorization.ResourceAppId, authorization.Scope, nonce: null, request.WantsClientInfo,
            new RefreshFamily(null, null), cancellationToken);
    }

    /// <summary>
    /// On an alias the client is found in the tenant of the person who approved the code, or in its own tenant while
    /// nobody has; null for an unknown code or client.
    /// </summary>
    private async Task<Guid?> ClientTenantOnAliasAsync(string deviceCode, string? clientId, CancellationToken cancellationToken)
    {
        var codeTenant = await authorizations.TenantOfAsync(deviceCode, cancellationToken);
        if (codeTenant != DeviceAuthorization.AnyTenant)
        {
            return codeTenant;
        }

        return Guid.TryParse(clientId, out var appId) ? (await registrations.FindApplicationAsync(appId, cancellationToken))?.TenantId : null;
    }

    // RFC 8628 §3.5: what the device hears while the authorization is not (or no longer) approved.
    private static AadstsError Refusal(DevicePoll poll) => poll switch
    {
        DevicePoll.Pending => Aadsts.AuthorizationPending(),
        DevicePoll.SlowDown => Aadsts.SlowDown(DeviceAuthorizations.IntervalSeconds),
        DevicePoll.Declined => Aadsts.DeviceCodeDeclined(),
        DevicePoll.Expired => Aadsts.DeviceCodeExpired(),
        DevicePoll.AlreadyRedeemed => Aadsts.DeviceCodeRedeemed(),
        _ => Aadsts.DeviceCodeUnknown(),
    };
}
