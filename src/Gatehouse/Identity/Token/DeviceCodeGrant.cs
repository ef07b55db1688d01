using Gatehouse.Identity.Clients;
using Gatehouse.Identity.DeviceCode;
using Gatehouse.Identity.Tenancy;

namespace Gatehouse.Identity.Token;

/// <summary>
/// The device authorization grant's polling request (RFC 8628 §3.4): pending until the person approves at
/// /devicelogin, then tokens for them, once. A client without a credential needs "Allow public client flows".
/// </summary>
internal sealed class DeviceCodeGrant(ClientAuthenticator authenticator, DeviceAuthorizations authorizations, DelegatedTokens tokens)
{
    public const string GrantType = "urn:ietf:params:oauth:grant-type:device_code";

    /// <summary>What MSAL.NET and msal-common send (reference/entra-protocol.md §3.3).</summary>
    public const string MsalGrantType = "device_code";

    public async Task<(TokenResult? Result, AadstsError? Error)> HandleAsync(
        TokenRequest request, ClientCredentials credentials, TenantRoute tenant, TokenEndpointUrls urls, CancellationToken cancellationToken)
    {
        if (!tenant.IsSpecificTenant)
        {
            return (null, Aadsts.NeedsTenant());
        }

        if (request.DeviceCode is not { } deviceCode)
        {
            return (null, Aadsts.MissingParameter("device_code"));
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

        var (authorization, outcome) = await authorizations.PollAsync(deviceCode, tenant.TenantId!.Value, client.Client.AppId, cancellationToken);
        switch (outcome)
        {
            case DevicePoll.Pending:
                return (null, Aadsts.AuthorizationPending());
            case DevicePoll.SlowDown:
                return (null, Aadsts.SlowDown());
            case DevicePoll.Declined:
                return (null, Aadsts.DeviceCodeDeclined());
            case DevicePoll.Expired:
                return (null, Aadsts.DeviceCodeExpired());
            case DevicePoll.AlreadyRedeemed:
                return (null, Aadsts.DeviceCodeRedeemed());
            case DevicePoll.Unknown:
                return (null, Aadsts.DeviceCodeUnknown());
        }

        var user = await tokens.FindUserAsync(authorization!.TenantId, authorization.UserId!.Value, cancellationToken);
        if (user is null)
        {
            return (null, Aadsts.DeviceCodeUnknown());
        }

        return await tokens.IssueAsync(GrantType, client, user, authorization.ResourceAppId, authorization.Scope, nonce: null, request.WantsClientInfo,
            new RefreshFamily(null, null), cancellationToken);
    }
}
