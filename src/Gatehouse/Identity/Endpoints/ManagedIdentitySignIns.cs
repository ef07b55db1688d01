using Gatehouse.DirectoryObjects.Logs;
using Gatehouse.Identity.Clients;
using Gatehouse.Identity.Grants;
using Gatehouse.Identity.Issuance;
using Gatehouse.Identity.Protocol;

namespace Gatehouse.Identity.Endpoints;

/// <summary>
/// The sign-in log entry of a managed identity's token request, issued or refused, once the identity is known
/// (docs/protocol/graph-dataverse.md §2.9): Entra lists these apart from service principals' as managedIdentity sign-ins.
/// </summary>
internal static class ManagedIdentitySignIns
{
    public static SignInLogEntry Entry(ClientSnapshot identity, string resource, Outcome<TokenResult, AadstsError> outcome, HttpContext context, TimeProvider clock) =>
        new SignInLogEntry
        {
            TenantId = identity.TenantId,
            CreatedDateTime = clock.GetUtcNow(),
            EventType = SignInEventTypes.ManagedIdentity,
            AppId = identity.AppId.ToString(),
            AppDisplayName = identity.DisplayName,
            ServicePrincipalId = identity.ServicePrincipalId,
            ResourceId = outcome.Succeeded ? outcome.Value.ResourceApp.AppId.ToString() : SignInLogEntry.Cut(resource),
            ResourceDisplayName = outcome.Succeeded ? outcome.Value.ResourceApp.DisplayName : null,
            GrantType = ManagedIdentityGrant.GrantType,
            ErrorCode = outcome.Succeeded ? 0 : outcome.Error.Code,
            FailureReason = outcome.Succeeded ? null : outcome.Error.Message,
            ClientCredentialType = SignInEventTypes.ManagedIdentity,
        }.WithRequest(context);
}
