using System.Buffers.Text;
using Gatehouse.DirectoryObjects.Logs;
using Gatehouse.Identity.Clients;
using Gatehouse.Identity.Grants;
using Gatehouse.Identity.Issuance;
using Gatehouse.Identity.Protocol;

namespace Gatehouse.Identity.Endpoints;

/// <summary>
/// The sign-in log entry of one token request that reached a grant, issued or refused (docs/protocol/graph-dataverse.md
/// §2.9): client credentials are a service principal's sign-in, the password grant a user's interactive one, and a
/// code, device code or refresh token redeemed a user's non-interactive one. The credential is named, never its value.
/// </summary>
internal static class TokenSignIns
{
    public static SignInLogEntry? Entry(
        string grantType, TokenRequest request, ClientCredentials credentials, TenantRoute tenant, Outcome<TokenResult, AadstsError> outcome, HttpContext context,
        TimeProvider clock)
    {
        var result = outcome.Succeeded ? outcome.Value : null;
        if ((result?.User?.TenantId ?? tenant.TenantId) is not { } tenantId)
        {
            return null;
        }

        var client = result?.Client;
        var user = result?.User;
        var credential = client?.Credential;
        var userPrincipalName = user?.UserPrincipalName ?? (grantType == PasswordGrant.GrantType ? SignInLogEntry.Cut(request.Username) : null);
        return new SignInLogEntry
        {
            TenantId = tenantId,
            CreatedDateTime = clock.GetUtcNow(),
            EventType = grantType switch
            {
                ClientCredentialsGrant.GrantType => SignInEventTypes.ServicePrincipal,
                PasswordGrant.GrantType => SignInEventTypes.InteractiveUser,
                _ => SignInEventTypes.NonInteractiveUser,
            },
            UserId = user?.Id,
            UserPrincipalName = userPrincipalName,
            NormalizedUserPrincipalName = userPrincipalName?.ToUpperInvariant(),
            UserDisplayName = user?.DisplayName,
            AppId = client?.Client.AppId.ToString() ?? SignInLogEntry.Cut(credentials.ClientId),
            AppDisplayName = client?.Client.DisplayName,
            ServicePrincipalId = client?.Client.ServicePrincipalId,
            ResourceId = result?.ResourceApp.AppId.ToString(),
            ResourceDisplayName = result?.ResourceApp.DisplayName,
            GrantType = SignInLogEntry.Cut(grantType),
            ErrorCode = outcome.Succeeded ? 0 : outcome.Error.Code,
            FailureReason = outcome.Succeeded ? null : outcome.Error.Message,
            ClientCredentialType = credentials.Secret is not null ? "clientSecret" : credentials.Assertion is not null ? "clientAssertion" : "none",
            CredentialKeyId = credential?.KeyId,
            SecretHint = credential?.SecretHint,
            CertificateThumbprint = credential?.CertificateX5t is { } x5t ? Convert.ToHexString(Base64Url.DecodeFromChars(x5t)) : null,
        }.WithRequest(context);
    }

    /// <summary>Where the request came from: its address, user agent and correlation ID.</summary>
    public static SignInLogEntry WithRequest(this SignInLogEntry entry, HttpContext context)
    {
        entry.IpAddress = context.Connection.RemoteIpAddress?.ToString();
        entry.UserAgent = SignInLogEntry.Cut(context.Request.Headers.UserAgent.ToString());
        entry.CorrelationId = TokenServiceHeaders.CorrelationId(context);
        return entry;
    }
}
