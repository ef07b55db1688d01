using Gatehouse.DirectoryObjects.Credentials;
using Gatehouse.Identity.Tenancy;
using Gatehouse.Identity.Token;

namespace Gatehouse.Identity.Clients;

/// <summary>Authenticates a confidential client by its secret or its signed assertion (reference/entra-protocol.md §3.1–3.2).</summary>
internal sealed class ClientAuthenticator(ClientSnapshots snapshots, ClientAssertionValidator assertions, TimeProvider clock)
{
    public async Task<(AuthenticatedClient? Client, AadstsError? Error)> AuthenticateAsync(
        ClientCredentials credentials, TenantRoute tenant, TokenEndpointUrls tokenUrls, CancellationToken cancellationToken)
    {
        if (credentials.Assertion is not null && credentials.AssertionType != ClientCredentials.JwtBearerAssertionType)
        {
            return (null, credentials.AssertionType is null
                ? Aadsts.MissingParameter("client_assertion_type")
                : Aadsts.UnsupportedAssertionType(credentials.AssertionType));
        }

        var clientIdText = credentials.ClientId ?? (credentials.Assertion is null ? null : ClientAssertionValidator.ReadIssuer(credentials.Assertion));
        if (clientIdText is null)
        {
            return (null, Aadsts.MissingParameter("client_id"));
        }

        if (!Guid.TryParse(clientIdText, out var clientId))
        {
            return (null, Aadsts.MalformedClientId(clientIdText));
        }

        var client = await snapshots.FindAsync(tenant.TenantId!.Value, clientId, cancellationToken);
        if (client is null)
        {
            return (null, Aadsts.ClientNotFound(clientIdText, tenant.Segment));
        }

        if (credentials.Secret is not null)
        {
            var error = CheckSecret(client, credentials.Secret);
            return error is null ? (new AuthenticatedClient(client, AuthenticatedClient.Secret), null) : (null, error);
        }

        if (credentials.Assertion is not null)
        {
            var error = await assertions.ValidateAsync(client, credentials.Assertion, tokenUrls.AcceptedAudiences(), cancellationToken);
            return error is null ? (new AuthenticatedClient(client, AuthenticatedClient.Certificate), null) : (null, error);
        }

        return (null, Aadsts.NoCredential());
    }

    /// <summary>For the user flows: a confidential client proves itself, a public client is only identified.</summary>
    public Task<(AuthenticatedClient? Client, AadstsError? Error)> AuthenticateOrIdentifyAsync(
        ClientCredentials credentials, TenantRoute tenant, TokenEndpointUrls tokenUrls, CancellationToken cancellationToken) =>
        credentials.IsPublic
            ? IdentifyPublicAsync(credentials, tenant, cancellationToken)
            : AuthenticateAsync(credentials, tenant, tokenUrls, cancellationToken);

    /// <summary>A public client sends only its client_id; whether it may do so is the grant's to decide.</summary>
    public async Task<(AuthenticatedClient? Client, AadstsError? Error)> IdentifyPublicAsync(
        ClientCredentials credentials, TenantRoute tenant, CancellationToken cancellationToken)
    {
        if (credentials.ClientId is null)
        {
            return (null, Aadsts.MissingParameter("client_id"));
        }

        if (!Guid.TryParse(credentials.ClientId, out var clientId))
        {
            return (null, Aadsts.MalformedClientId(credentials.ClientId));
        }

        var client = await snapshots.FindAsync(tenant.TenantId!.Value, clientId, cancellationToken);
        return client is null
            ? (null, Aadsts.ClientNotFound(credentials.ClientId, tenant.Segment))
            : (new AuthenticatedClient(client, AuthenticatedClient.PublicClient), null);
    }

    private AadstsError? CheckSecret(ClientSnapshot client, string presented)
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
                return null;
            }

            expiredMatch |= now >= secret.End;
        }

        return expiredMatch ? Aadsts.ExpiredSecret(client.AppId) : Aadsts.InvalidSecret(client.AppId);
    }
}
