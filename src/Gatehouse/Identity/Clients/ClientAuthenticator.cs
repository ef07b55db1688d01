using Gatehouse.DirectoryObjects.Credentials;
using Gatehouse.Identity.Protocol;

namespace Gatehouse.Identity.Clients;

/// <summary>
/// Authenticates a confidential client by its secret or its signed assertion (docs/protocol/entra-protocol.md §3.1–3.2).
/// A client whose credentials failed too often in a window is answered 429 until the window ends, whatever it presents
/// (docs/protocol/entra-protocol.md §5.2); only failures are counted, so a client that authenticates pays one lookup.
/// </summary>
internal sealed class ClientAuthenticator(
    ClientSnapshots snapshots, ClientAssertionValidator assertions, FailureWindows<ClientKey> failures, TimeProvider clock)
{
    public async Task<Outcome<AuthenticatedClient, AadstsError>> AuthenticateAsync(
        ClientCredentials credentials, TenantRoute tenant, TokenEndpointUrls tokenUrls, CancellationToken cancellationToken)
    {
        if (credentials.Assertion is not null && credentials.AssertionType != ClientCredentials.JwtBearerAssertionType)
        {
            return credentials.AssertionType is null
                ? Aadsts.MissingParameter("client_assertion_type")
                : Aadsts.UnsupportedAssertionType(credentials.AssertionType);
        }

        var clientIdText = credentials.ClientId ?? (credentials.Assertion is null ? null : ClientAssertionValidator.ReadIssuer(credentials.Assertion));
        if (clientIdText is null)
        {
            return Aadsts.MissingParameter("client_id");
        }

        var found = await FindAsync(clientIdText, tenant, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Error;
        }

        var client = found.Value;
        var key = new ClientKey(client.TenantId, client.AppId);
        if (failures.RetryAfter(key) is { } wait)
        {
            return Aadsts.ClientThrottled(client.AppId, wait);
        }

        var authenticated = await CheckCredentialAsync(client, credentials, tenant, tokenUrls, cancellationToken);
        if (!authenticated.Succeeded)
        {
            failures.Fail(key);
        }

        return authenticated;
    }

    private async ValueTask<Outcome<AuthenticatedClient, AadstsError>> CheckCredentialAsync(
        ClientSnapshot client, ClientCredentials credentials, TenantRoute tenant, TokenEndpointUrls tokenUrls, CancellationToken cancellationToken)
    {
        if (credentials.Secret is not null)
        {
            return await CheckSecretAsync(client, credentials.Secret, tenant, cancellationToken);
        }

        if (credentials.Assertion is not null)
        {
            var certificate = await assertions.ValidateAsync(client, credentials.Assertion, tokenUrls.AcceptedAudiences(), cancellationToken);
            return certificate.Succeeded
                ? new AuthenticatedClient(client, AuthenticatedClient.Certificate) { Credential = new UsedCredential(certificate.Value.KeyId, null, certificate.Value.X5t) }
                : certificate.Error;
        }

        return Aadsts.NoCredential();
    }

    /// <summary>For the user flows: a confidential client proves itself, a public client is only identified.</summary>
    public Task<Outcome<AuthenticatedClient, AadstsError>> AuthenticateOrIdentifyAsync(
        ClientCredentials credentials, TenantRoute tenant, TokenEndpointUrls tokenUrls, CancellationToken cancellationToken) =>
        credentials.IsPublic
            ? IdentifyPublicAsync(credentials, tenant, cancellationToken)
            : AuthenticateAsync(credentials, tenant, tokenUrls, cancellationToken);

    /// <summary>A public client sends only its client_id; whether it may do so is the grant's to decide.</summary>
    public async Task<Outcome<AuthenticatedClient, AadstsError>> IdentifyPublicAsync(
        ClientCredentials credentials, TenantRoute tenant, CancellationToken cancellationToken)
    {
        if (credentials.ClientId is null)
        {
            return Aadsts.MissingParameter("client_id");
        }

        var found = await FindAsync(credentials.ClientId, tenant, cancellationToken);
        return found.Succeeded ? new AuthenticatedClient(found.Value, AuthenticatedClient.PublicClient) : found.Error;
    }

    /// <summary>The client as the tenant sees it; on /common or /organizations, which name no tenant, there is none.</summary>
    private async ValueTask<Outcome<ClientSnapshot, AadstsError>> FindAsync(string clientIdText, TenantRoute tenant, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(clientIdText, out var clientId))
        {
            return Aadsts.MalformedClientId(clientIdText);
        }

        var client = tenant.TenantId is { } tenantId ? await snapshots.FindEvenDisabledAsync(tenantId, clientId, cancellationToken) : null;
        return client switch
        {
            null => Aadsts.ClientNotFound(clientIdText, tenant.Segment),
            { AccountEnabled: false } => Aadsts.ApplicationDisabled(client.AppId, client.DisplayName),
            _ => client,
        };
    }

    /// <summary>
    /// A secret that matches none of the kept snapshot's is checked once more against the store before it is refused:
    /// the snapshot may predate a secret another process has just added (on SQLite, a CLI's write is noticed within
    /// 100 ms), and a secret works the moment the CLI has printed it.
    /// </summary>
    private async ValueTask<Outcome<AuthenticatedClient, AadstsError>> CheckSecretAsync(
        ClientSnapshot client, string presented, TenantRoute tenant, CancellationToken cancellationToken)
    {
        var matched = CheckSecret(client, presented);
        if (!matched.Succeeded && tenant.TenantId is { } tenantId
            && await snapshots.ReloadAsync(tenantId, client.AppId, cancellationToken) is { } current)
        {
            client = current;
            matched = CheckSecret(client, presented);
        }

        return matched.Succeeded
            ? new AuthenticatedClient(client, AuthenticatedClient.Secret) { Credential = new UsedCredential(matched.Value.KeyId, matched.Value.Hint, null) }
            : matched.Error;
    }

    private Outcome<SecretVerifier, AadstsError> CheckSecret(ClientSnapshot client, string presented)
    {
        var now = clock.GetUtcNow();
        var expiredMatch = false;
        foreach (var secret in client.Secrets)
        {
            if (!ClientSecretHash.Matches(secret.Salt, secret.Hash, presented))
            {
                continue;
            }

            if (now >= secret.Start && now < secret.End)
            {
                return secret;
            }

            expiredMatch |= now >= secret.End;
        }

        return expiredMatch ? Aadsts.ExpiredSecret(client.AppId) : Aadsts.InvalidSecret(client.AppId);
    }
}
