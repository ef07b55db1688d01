using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Gatehouse.Tests.Infrastructure;
using Microsoft.IdentityModel.Tokens;

namespace Gatehouse.Tests.Identity;

/// <summary>Discovery documents, keys and instance discovery in Entra's shapes, for every tenant form.</summary>
public sealed class DiscoveryTests(TokenServiceFixture gatehouse) : IClassFixture<TokenServiceFixture>
{
    private const string Tid = TokenServiceFixture.TenantId;

    [Fact]
    public async Task The_v2_document_names_the_tenant_by_GUID_even_when_asked_by_domain()
    {
        var document = await GetJsonAsync($"/{TokenServiceFixture.TenantDomain}/v2.0/.well-known/openid-configuration");

        Assert.Equal($"{gatehouse.BaseUrl}/{Tid}/v2.0", document.GetProperty("issuer").GetString());
        Assert.Equal($"{gatehouse.BaseUrl}/{Tid}/oauth2/v2.0/token", document.GetProperty("token_endpoint").GetString());
        Assert.Equal($"{gatehouse.BaseUrl}/{Tid}/oauth2/v2.0/authorize", document.GetProperty("authorization_endpoint").GetString());
        Assert.Equal($"{gatehouse.BaseUrl}/{Tid}/discovery/v2.0/keys", document.GetProperty("jwks_uri").GetString());
        Assert.Equal(["client_secret_post", "private_key_jwt", "client_secret_basic"],
            document.GetProperty("token_endpoint_auth_methods_supported").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal("microsoftonline.com", document.GetProperty("cloud_instance_name").GetString());
    }

    [Fact]
    public async Task The_v1_document_has_the_sts_style_issuer()
    {
        var document = await GetJsonAsync($"/{Tid}/.well-known/openid-configuration");

        Assert.Equal($"{gatehouse.BaseUrl}/{Tid}/", document.GetProperty("issuer").GetString());
        Assert.Equal($"{gatehouse.BaseUrl}/{Tid}/oauth2/token", document.GetProperty("token_endpoint").GetString());
        Assert.True(document.GetProperty("microsoft_multi_refresh_token").GetBoolean());
    }

    [Theory]
    [InlineData("common")]
    [InlineData("organizations")]
    public async Task Multi_tenant_aliases_publish_the_tenantid_issuer_template(string alias)
    {
        var document = await GetJsonAsync($"/{alias}/v2.0/.well-known/openid-configuration");

        Assert.Equal($"{gatehouse.BaseUrl}/{{tenantid}}/v2.0", document.GetProperty("issuer").GetString());
        Assert.Equal($"{gatehouse.BaseUrl}/{alias}/oauth2/v2.0/token", document.GetProperty("token_endpoint").GetString());
    }

    [Fact]
    public async Task Keys_carry_kid_equal_to_x5t_the_certificate_and_the_issuer_template()
    {
        var keys = (await GetJsonAsync($"/{Tid}/discovery/v2.0/keys")).GetProperty("keys");
        var key = Assert.Single(keys.EnumerateArray());

        Assert.Equal("RSA", key.GetProperty("kty").GetString());
        Assert.Equal("sig", key.GetProperty("use").GetString());
        Assert.Equal("AQAB", key.GetProperty("e").GetString());
        Assert.Equal(key.GetProperty("kid").GetString(), key.GetProperty("x5t").GetString());
        using var certificate = X509CertificateLoader.LoadCertificate(Convert.FromBase64String(key.GetProperty("x5c")[0].GetString()!));
        Assert.Equal(Base64UrlEncoder.Encode(certificate.GetCertHash()), key.GetProperty("x5t").GetString());
        Assert.Equal($"{gatehouse.BaseUrl}/{{tenantid}}/v2.0", key.GetProperty("issuer").GetString());

        var v1Keys = (await GetJsonAsync("/common/discovery/keys")).GetProperty("keys");
        Assert.Equal(key.GetProperty("kid").GetString(), Assert.Single(v1Keys.EnumerateArray()).GetProperty("kid").GetString());
    }

    [Fact]
    public async Task Instance_discovery_answers_for_this_host()
    {
        var authorize = Uri.EscapeDataString($"{gatehouse.BaseUrl}/{Tid}/oauth2/v2.0/authorize");
        var document = await GetJsonAsync($"/common/discovery/instance?api-version=1.1&authorization_endpoint={authorize}");

        Assert.Equal($"{gatehouse.BaseUrl}/{Tid}/v2.0/.well-known/openid-configuration", document.GetProperty("tenant_discovery_endpoint").GetString());
        var host = new Uri(gatehouse.BaseUrl).Authority;
        Assert.Equal(host, document.GetProperty("metadata")[0].GetProperty("preferred_network").GetString());
    }

    [Theory]
    [InlineData("/nowhere.example.com/v2.0/.well-known/openid-configuration", 90002)]
    [InlineData("/22222222-2222-4222-8222-222222222222/discovery/v2.0/keys", 90002)]
    [InlineData("/bad_tenant/.well-known/openid-configuration", 900023)]
    public async Task Unknown_or_malformed_tenants_answer_400_with_their_code(string path, int code)
    {
        using var response = await gatehouse.Http.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        var error = await AadstsResponse.ReadAsync(response);
        Assert.Equal((HttpStatusCode.BadRequest, code), (error.Status, error.Code));
    }

    private async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await gatehouse.Http.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.Clone();
    }
}
