using Gatehouse.Tests.Infrastructure;
using Microsoft.Identity.Client;

namespace Gatehouse.Tests.Identity;

/// <summary>MSAL.NET's confidential client, unchanged but for the authority, gets Entra-shaped app-only tokens.</summary>
public sealed class MsalClientCredentialsTests(TokenServiceFixture gatehouse) : IClassFixture<TokenServiceFixture>
{
    private static readonly string[] GraphDefault = ["https://graph.microsoft.com/.default"];

    [Fact]
    public async Task Msal_with_an_Entra_style_authority_and_a_secret_gets_a_v1_Graph_token_with_the_granted_roles()
    {
        var client = await gatehouse.RegisterClientAsync("msal-secret", ("Microsoft Graph", "User.Read.All"), ("Microsoft Graph", "Calendars.ReadWrite"));

        var result = await gatehouse.Msal(client).AcquireTokenForClient(GraphDefault).ExecuteAsync(TestContext.Current.CancellationToken);

        var token = Jwt.Read(result.AccessToken);
        Assert.Equal("RS256", token.Alg);
        Assert.Equal(token.Kid, token.X5t);
        var claims = Jwt.Payload(result.AccessToken);
        Assert.Equal("https://graph.microsoft.com", claims.GetProperty("aud").GetString());
        Assert.Equal($"{gatehouse.BaseUrl}/{TokenServiceFixture.TenantId}/", claims.GetProperty("iss").GetString());
        Assert.Equal(client.AppId, claims.GetProperty("appid").GetString());
        Assert.Equal("1", claims.GetProperty("appidacr").GetString());
        Assert.Equal("app", claims.GetProperty("idtyp").GetString());
        Assert.Equal("1.0", claims.GetProperty("ver").GetString());
        Assert.Equal(TokenServiceFixture.TenantId, claims.GetProperty("tid").GetString());
        Assert.Equal(claims.GetProperty("oid").GetString(), claims.GetProperty("sub").GetString());
        Assert.Equal(["Calendars.ReadWrite", "User.Read.All"], claims.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).Order());
        Assert.Equal(22, claims.GetProperty("uti").GetString()!.Length);
        var lifetime = claims.GetProperty("exp").GetInt64() - claims.GetProperty("iat").GetInt64();
        Assert.InRange(lifetime, 3600, 5400);
        Assert.Equal(TokenSource.IdentityProvider, result.AuthenticationResultMetadata.TokenSource);
    }

    [Fact]
    public async Task Msal_with_an_OIDC_authority_gets_a_token_through_discovery()
    {
        var client = await gatehouse.RegisterClientAsync("msal-oidc", ("Microsoft Graph", "User.Read.All"));
        var msal = ConfidentialClientApplicationBuilder.Create(client.AppId)
            .WithOidcAuthority($"{gatehouse.Authority}/v2.0")
            .WithClientSecret(client.Secret)
            .WithHttpClientFactory(new TrustingMsalHttpClientFactory(gatehouse.TrustingHandler()))
            .Build();

        var result = await msal.AcquireTokenForClient(GraphDefault).ExecuteAsync(TestContext.Current.CancellationToken);

        Assert.Equal(client.AppId, Jwt.Payload(result.AccessToken).GetProperty("appid").GetString());
    }

    [Fact]
    public async Task Msal_with_a_certificate_signs_a_PS256_assertion_and_gets_appidacr_2()
    {
        var client = await gatehouse.RegisterClientAsync("msal-cert", ("Microsoft Graph", "User.Read.All"));
        using var certificate = await gatehouse.AddCertificateAsync(client.AppId);
        var msal = ConfidentialClientApplicationBuilder.Create(client.AppId)
            .WithAuthority(gatehouse.Authority, validateAuthority: false)
            .WithInstanceDiscovery(false)
            .WithCertificate(certificate)
            .WithHttpClientFactory(new TrustingMsalHttpClientFactory(gatehouse.TrustingHandler()))
            .Build();

        var result = await msal.AcquireTokenForClient(GraphDefault).ExecuteAsync(TestContext.Current.CancellationToken);

        var claims = Jwt.Payload(result.AccessToken);
        Assert.Equal("2", claims.GetProperty("appidacr").GetString());
        Assert.Equal(["User.Read.All"], claims.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task Msal_with_a_certificate_and_an_OIDC_authority_signs_RS256_with_x5t()
    {
        var client = await gatehouse.RegisterClientAsync("msal-cert-oidc");
        using var certificate = await gatehouse.AddCertificateAsync(client.AppId);
        var msal = ConfidentialClientApplicationBuilder.Create(client.AppId)
            .WithOidcAuthority($"{gatehouse.Authority}/v2.0")
            .WithCertificate(certificate, sendX5C: true)
            .WithHttpClientFactory(new TrustingMsalHttpClientFactory(gatehouse.TrustingHandler()))
            .Build();

        var result = await msal.AcquireTokenForClient(GraphDefault).ExecuteAsync(TestContext.Current.CancellationToken);

        Assert.Equal("2", Jwt.Payload(result.AccessToken).GetProperty("appidacr").GetString());
        Assert.False(Jwt.Payload(result.AccessToken).TryGetProperty("roles", out _), "No permission was granted, so the token carries no roles claim.");
    }

    [Fact]
    public async Task An_API_that_asks_for_v2_tokens_gets_them_with_its_appId_as_audience()
    {
        var api = await GatehouseCli.JsonAsync(gatehouse.Store, "app", "create", "--name", "orders-api");
        var apiAppId = api.GetProperty("appId").GetString()!;
        await GatehouseCli.JsonAsync(gatehouse.Store, "app", "api", "set", "--app", apiAppId, "--identifier-uri", "api://orders", "--access-token-version", "2");
        await GatehouseCli.JsonAsync(gatehouse.Store, "app", "role", "add", "--app", apiAppId, "--value", "Orders.Read", "--display-name", "Read orders");
        var client = await gatehouse.RegisterClientAsync("orders-client", ("api://orders", "Orders.Read"));

        var result = await gatehouse.Msal(client).AcquireTokenForClient(["api://orders/.default"]).ExecuteAsync(TestContext.Current.CancellationToken);

        var claims = Jwt.Payload(result.AccessToken);
        Assert.Equal(apiAppId, claims.GetProperty("aud").GetString());
        Assert.Equal($"{gatehouse.BaseUrl}/{TokenServiceFixture.TenantId}/v2.0", claims.GetProperty("iss").GetString());
        Assert.Equal("2.0", claims.GetProperty("ver").GetString());
        Assert.Equal(client.AppId, claims.GetProperty("azp").GetString());
        Assert.Equal("1", claims.GetProperty("azpacr").GetString());
        Assert.Equal(["Orders.Read"], claims.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.False(Jwt.Read(result.AccessToken).TryGetHeaderValue<string>("x5t", out _), "v2.0 tokens name their key by kid alone.");
    }

    [Fact]
    public async Task Graph_named_by_its_appId_gets_that_appId_as_audience()
    {
        var client = await gatehouse.RegisterClientAsync("graph-by-guid", ("Microsoft Graph", "User.Read.All"));

        var result = await gatehouse.Msal(client).AcquireTokenForClient(["00000003-0000-0000-c000-000000000000/.default"])
            .ExecuteAsync(TestContext.Current.CancellationToken);

        Assert.Equal("00000003-0000-0000-c000-000000000000", Jwt.Payload(result.AccessToken).GetProperty("aud").GetString());
    }
}
