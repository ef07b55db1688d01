using System.Net.Http.Headers;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Identity;
using Microsoft.Graph;
using Microsoft.Graph.Authentication;
using Microsoft.Kiota.Abstractions.Authentication;

namespace Gatehouse.Tests.Infrastructure;

/// <summary>
/// The Microsoft Graph .NET SDK pointed at a Gatehouse server, as a user would point it: its base URL changed to
/// …/v1.0, Gatehouse's host allowed for tokens, the SDK's own middleware kept, and the server's certificate trusted.
/// </summary>
internal static class GraphClients
{
    public static readonly string[] GraphScopes = ["https://graph.microsoft.com/.default"];

    public static string GraphBaseUrl(this TokenServiceFixture gatehouse) => $"{gatehouse.BaseUrl}/v1.0";

    /// <summary>App-only: tokens from Azure.Identity's ClientSecretCredential against Gatehouse's authority.</summary>
    public static GraphServiceClient AppOnly(this TokenServiceFixture gatehouse, RegisteredClient client) =>
        gatehouse.Graph(gatehouse.Credential(client.AppId, client.Secret));

    public static ClientSecretCredential Credential(this TokenServiceFixture gatehouse, string appId, string secret) =>
        new(TokenServiceFixture.TenantId, appId, secret, new ClientSecretCredentialOptions
        {
            AuthorityHost = new Uri(gatehouse.BaseUrl),
            DisableInstanceDiscovery = true,
            Transport = new HttpClientTransport(gatehouse.TrustingHandler()),
        });

    public static GraphServiceClient Graph(this TokenServiceFixture gatehouse, TokenCredential credential) =>
        gatehouse.Graph(new AzureIdentityAuthenticationProvider(credential, [gatehouse.Server.BaseAddress.Host], null, true, GraphScopes));

    /// <summary>With a token the test already holds (delegated, expired, for another audience).</summary>
    public static GraphServiceClient WithToken(this TokenServiceFixture gatehouse, string token) =>
        gatehouse.Graph(new BaseBearerTokenAuthenticationProvider(new FixedToken(token)));

    public static GraphServiceClient Graph(this TokenServiceFixture gatehouse, IAuthenticationProvider authentication)
    {
        var http = GraphClientFactory.Create(finalHandler: gatehouse.TrustingHandler());
        return new GraphServiceClient(http, authentication, gatehouse.GraphBaseUrl());
    }

    /// <summary>A raw HTTP client for wire-level assertions (headers, text/plain bodies).</summary>
    public static HttpClient RawGraph(this TokenServiceFixture gatehouse, string? token)
    {
        var http = new HttpClient(gatehouse.TrustingHandler()) { BaseAddress = new Uri(gatehouse.GraphBaseUrl() + "/") };
        if (token is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return http;
    }

    public static async Task<string> AppTokenAsync(this TokenServiceFixture gatehouse, RegisteredClient client) =>
        (await gatehouse.Credential(client.AppId, client.Secret).GetTokenAsync(new TokenRequestContext(GraphScopes), TestContext.Current.CancellationToken)).Token;

    private sealed class FixedToken(string token) : IAccessTokenProvider
    {
        public AllowedHostsValidator AllowedHostsValidator { get; } = new();

        public Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(token);
    }
}
