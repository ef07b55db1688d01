using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gatehouse.Tests.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using static Gatehouse.Tests.MicrosoftHosts.UnderMicrosoftHostUrls;

namespace Gatehouse.Tests.MicrosoftHosts;

/// <summary>
/// The token service under Microsoft's login hosts names Microsoft's issuers and its endpoints on the host asked
/// (docs/protocol/microsoft-hosts.md §3.1); the tokens it issues there carry that issuer and validate against that JWKS.
/// </summary>
public sealed class TokenServiceUrlsTests(TokenServiceFixture gatehouse) : IClassFixture<TokenServiceFixture>
{
    private const string Tid = TokenServiceFixture.TenantId;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_v2_document_under_login_microsoftonline_com_names_Microsofts_issuer_and_endpoints()
    {
        var document = await GetJsonAsync(gatehouse, Login, $"/{TokenServiceFixture.TenantDomain}/v2.0/.well-known/openid-configuration");

        Assert.Equal($"https://login.microsoftonline.com/{Tid}/v2.0", document.GetProperty("issuer").GetString());
        Assert.Equal($"https://login.microsoftonline.com/{Tid}/oauth2/v2.0/token", document.GetProperty("token_endpoint").GetString());
        Assert.Equal($"https://login.microsoftonline.com/{Tid}/oauth2/v2.0/authorize", document.GetProperty("authorization_endpoint").GetString());
        Assert.Equal($"https://login.microsoftonline.com/{Tid}/oauth2/v2.0/devicecode", document.GetProperty("device_authorization_endpoint").GetString());
        Assert.Equal($"https://login.microsoftonline.com/{Tid}/discovery/v2.0/keys", document.GetProperty("jwks_uri").GetString());
        Assert.Equal("https://graph.microsoft.com/oidc/userinfo", document.GetProperty("userinfo_endpoint").GetString());
    }

    [Fact]
    public async Task The_common_v2_document_and_keys_publish_Microsofts_issuer_template()
    {
        var document = await GetJsonAsync(gatehouse, Login, "/common/v2.0/.well-known/openid-configuration");
        var keys = await GetJsonAsync(gatehouse, Login, "/common/discovery/v2.0/keys");

        Assert.Equal("https://login.microsoftonline.com/{tenantid}/v2.0", document.GetProperty("issuer").GetString());
        Assert.All(keys.GetProperty("keys").EnumerateArray(),
            key => Assert.Equal("https://login.microsoftonline.com/{tenantid}/v2.0", key.GetProperty("issuer").GetString()));
    }

    [Theory]
    [InlineData("login.microsoftonline.com")]
    [InlineData("login.windows.net")]
    public async Task The_v1_document_names_the_sts_issuer_and_endpoints_on_the_host_asked(string host)
    {
        var document = await GetJsonAsync(gatehouse, host, $"/{Tid}/.well-known/openid-configuration");

        Assert.Equal($"https://sts.windows.net/{Tid}/", document.GetProperty("issuer").GetString());
        Assert.Equal($"https://{host}/{Tid}/oauth2/token", document.GetProperty("token_endpoint").GetString());
        Assert.Equal($"https://{host}/{Tid}/oauth2/authorize", document.GetProperty("authorization_endpoint").GetString());
        Assert.Equal($"https://{host}/{Tid}/discovery/keys", document.GetProperty("jwks_uri").GetString());
        Assert.Equal($"https://{host}/{Tid}/openid/userinfo", document.GetProperty("userinfo_endpoint").GetString());
    }

    [Fact]
    public async Task A_Microsoft_host_on_another_port_is_answered_with_Gatehouses_own_URLs()
    {
        var document = await GetJsonAsync(gatehouse, "login.microsoftonline.com:8443", $"/{Tid}/v2.0/.well-known/openid-configuration");

        Assert.Equal($"{gatehouse.BaseUrl}/{Tid}/v2.0", document.GetProperty("issuer").GetString());
        Assert.Equal($"{gatehouse.BaseUrl}/{Tid}/oauth2/v2.0/token", document.GetProperty("token_endpoint").GetString());
    }

    [Fact]
    public async Task A_client_credentials_token_asked_under_the_login_host_validates_against_that_hosts_discovery()
    {
        var client = await gatehouse.RegisterClientAsync("urls-token", ("Microsoft Graph", "Application.ReadWrite.All"));

        var token = await GraphTokenAsync(gatehouse, client, Login);

        var document = await GetJsonAsync(gatehouse, Login, $"/{Tid}/.well-known/openid-configuration");
        var (jwksHost, jwksPath) = Follow(document.GetProperty("jwks_uri").GetString()!);
        var keys = new JsonWebKeySet((await GetJsonAsync(gatehouse, jwksHost, jwksPath)).GetRawText());
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = document.GetProperty("issuer").GetString(),
            ValidAudience = "https://graph.microsoft.com",
            IssuerSigningKeys = keys.GetSigningKeys(),
        });

        Assert.True(result.IsValid, result.Exception?.Message);
        Assert.Equal($"https://sts.windows.net/{Tid}/", Jwt.Payload(token).GetProperty("iss").GetString());
        Assert.Equal($"https://sts.windows.net/{Tid}/", Jwt.Payload(token).GetProperty("idp").GetString());
    }

    [Fact]
    public async Task The_device_code_answer_under_the_login_host_names_the_device_page_there()
    {
        using var flow = await DelegatedSignIn.CreatePublicAsync(gatehouse, "urls-device", "https://login.microsoftonline.com/common/oauth2/nativeclient", allowPublicClientFlows: true);

        using var response = await SendAsync(gatehouse, HttpMethod.Post, Login, $"/{Tid}/oauth2/v2.0/devicecode",
            content: new FormUrlEncodedContent([new("client_id", flow.Client.AppId), new("scope", "openid profile")]));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("https://login.microsoftonline.com/devicelogin", body.GetProperty("verification_uri").GetString());
    }

    [Fact]
    public async Task User_realm_answers_the_same_under_the_login_host_and_Gatehouses_own_URL()
    {
        var path = $"/common/userrealm/someone@{TokenServiceFixture.TenantDomain}?api-version=1.0";

        var underLogin = await GetJsonAsync(gatehouse, Login, path);
        var own = await GetJsonAsync(gatehouse, null, path);

        Assert.Equal("Managed", underLogin.GetProperty("account_type").GetString());
        Assert.Equal(TokenServiceFixture.TenantDomain, underLogin.GetProperty("domain_name").GetString());
        Assert.Equal("urn:federation:MicrosoftOnline", underLogin.GetProperty("cloud_audience_urn").GetString());
        Assert.Equal(own.GetRawText(), underLogin.GetRawText());
    }
}
