using System.Net;
using System.Text;
using Gatehouse.Tests.Infrastructure;

namespace Gatehouse.Tests.Identity;

/// <summary>Every refusal answers in Entra's shape with its AADSTS code and status, never a 5xx.</summary>
public sealed class TokenEndpointErrorTests(TokenServiceFixture gatehouse) : IClassFixture<TokenServiceFixture>
{
    private const string Graph = "https://graph.microsoft.com/.default";

    [Fact]
    public async Task Wrong_secret_is_refused_with_AADSTS7000215_and_401()
    {
        var client = await gatehouse.RegisterClientAsync("wrong-secret");
        var error = await RefusedAsync(ClientCredentials(client.AppId, client.Secret + "x"));
        Assert.Equal((HttpStatusCode.Unauthorized, "invalid_client", 7000215), (error.Status, error.Error, error.Code));
        Assert.StartsWith("AADSTS7000215: ", error.Body.GetProperty("error_description").GetString(), StringComparison.Ordinal);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}Z$", error.Body.GetProperty("timestamp").GetString()!);
        Assert.True(Guid.TryParse(error.Body.GetProperty("trace_id").GetString(), out _));
    }

    [Fact]
    public async Task Sending_the_secret_ID_instead_of_its_value_is_refused_with_AADSTS7000215()
    {
        var client = await gatehouse.RegisterClientAsync("secret-id");
        Assert.Equal(7000215, (await RefusedAsync(ClientCredentials(client.AppId, client.SecretKeyId))).Code);
    }

    [Fact]
    public async Task Unknown_app_is_refused_with_AADSTS700016()
    {
        var error = await RefusedAsync(ClientCredentials(Guid.NewGuid().ToString(), "whatever"));
        Assert.Equal((HttpStatusCode.BadRequest, "unauthorized_client", 700016), (error.Status, error.Error, error.Code));
    }

    [Theory]
    [InlineData("00000000-1111-2222-3333-444444444444", 90002)]
    [InlineData("nowhere.example.com", 90002)]
    [InlineData("not_a_tenant!", 900023)]
    [InlineData("common", 9001023)]
    [InlineData("organizations", 9001023)]
    public async Task A_tenant_that_cannot_issue_app_tokens_is_refused(string tenant, int code)
    {
        var client = await gatehouse.RegisterClientAsync($"tenant-{code}");
        var error = await RefusedAsync(ClientCredentials(client.AppId, client.Secret), tenant);
        Assert.Equal((HttpStatusCode.BadRequest, code), (error.Status, error.Code));
    }

    [Fact]
    public async Task The_tenant_may_be_named_by_any_of_its_domains()
    {
        var client = await gatehouse.RegisterClientAsync("by-domain");
        using var response = await gatehouse.PostTokenAsync(TokenServiceFixture.TenantDomain, ClientCredentials(client.AppId, client.Secret));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("https://graph.microsoft.com/User.Read", 1002012)]
    [InlineData("https://graph.microsoft.com/.default https://graph.windows.net/.default", 700022)]
    [InlineData("/.default", 70011)]
    [InlineData("api://nothing-here/.default", 500011)]
    [InlineData("", 900144)]
    public async Task A_scope_that_names_no_single_resource_is_refused(string scope, int code)
    {
        var client = await gatehouse.RegisterClientAsync($"scope-{code}");
        var error = await RefusedAsync(ClientCredentials(client.AppId, client.Secret, scope));
        Assert.Equal((HttpStatusCode.BadRequest, code), (error.Status, error.Code));
    }

    [Fact]
    public async Task Missing_grant_type_unsupported_grant_and_missing_credential_have_their_codes()
    {
        var client = await gatehouse.RegisterClientAsync("grants");
        Assert.Equal(900144, (await RefusedAsync([new("client_id", client.AppId), new("client_secret", client.Secret), new("scope", Graph)])).Code);
        Assert.Equal(70003, (await RefusedAsync([new("grant_type", "urn:example:magic"), new("client_id", client.AppId), new("client_secret", client.Secret)])).Code);
        var noCredential = await RefusedAsync([new("grant_type", "client_credentials"), new("client_id", client.AppId), new("scope", Graph)]);
        Assert.Equal((HttpStatusCode.Unauthorized, 7000218), (noCredential.Status, noCredential.Code));
    }

    [Fact]
    public async Task A_repeated_parameter_is_refused()
    {
        var client = await gatehouse.RegisterClientAsync("repeated");
        var error = await RefusedAsync([.. ClientCredentials(client.AppId, client.Secret), new("scope", Graph)]);
        Assert.Equal((HttpStatusCode.BadRequest, "invalid_request"), (error.Status, error.Error));
    }

    [Fact]
    public async Task The_v1_endpoint_needs_resource_and_the_v2_endpoint_refuses_it()
    {
        var client = await gatehouse.RegisterClientAsync("v1-v2");
        Assert.Equal(900144, (await RefusedAsync(ClientCredentials(client.AppId, client.Secret), version: "v1.0")).Code);
        Assert.Equal(901002, (await RefusedAsync([.. ClientCredentials(client.AppId, client.Secret), new("resource", "https://graph.microsoft.com")])).Code);
    }

    [Fact]
    public async Task The_v1_endpoint_answers_with_string_numbers_and_the_resource()
    {
        var client = await gatehouse.RegisterClientAsync("v1-shape", ("Microsoft Graph", "User.Read.All"));
        using var response = await gatehouse.PostTokenAsync(TokenServiceFixture.TenantId,
            [new("grant_type", "client_credentials"), new("client_id", client.AppId), new("client_secret", client.Secret), new("resource", "https://graph.microsoft.com")],
            version: "v1.0");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        Assert.Equal("Bearer", body.GetProperty("token_type").GetString());
        Assert.True(long.TryParse(body.GetProperty("expires_in").GetString(), out _));
        Assert.True(long.TryParse(body.GetProperty("expires_on").GetString(), out _));
        Assert.Equal("https://graph.microsoft.com", body.GetProperty("resource").GetString());
    }

    [Fact]
    public async Task Client_secret_basic_authenticates_and_responses_are_never_cached()
    {
        var client = await gatehouse.RegisterClientAsync("basic");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/{TokenServiceFixture.TenantId}/oauth2/v2.0/token")
        {
            Content = new FormUrlEncodedContent([new("grant_type", "client_credentials"), new("scope", Graph)]),
        };
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Uri.EscapeDataString(client.AppId)}:{Uri.EscapeDataString(client.Secret)}"));
        request.Headers.Authorization = new("Basic", basic);
        var correlation = Guid.NewGuid().ToString();
        request.Headers.Add("client-request-id", correlation);
        using var response = await gatehouse.Http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.Equal(correlation, response.Headers.GetValues("client-request-id").Single());
    }

    [Fact]
    public async Task Malformed_and_oversized_bodies_answer_400_with_an_AADSTS_code()
    {
        var path = new Uri($"/{TokenServiceFixture.TenantId}/oauth2/v2.0/token", UriKind.Relative);
        var ct = TestContext.Current.CancellationToken;
        using var json = await gatehouse.Http.PostAsync(path, new StringContent("{\"grant_type\":\"client_credentials\"}", Encoding.UTF8, "application/json"), ct);
        using var huge = await gatehouse.Http.PostAsync(path, new FormUrlEncodedContent([new("grant_type", "client_credentials"), new("padding", new string('a', 200_000))]), ct);
        using var binary = await gatehouse.Http.PostAsync(path, new ByteArrayContent([0xff, 0xfe, 0x00, 0x01]) { Headers = { ContentType = new("application/x-www-form-urlencoded") } }, ct);
        using var badBasic = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent([new("grant_type", "client_credentials")]) };
        badBasic.Headers.Authorization = new("Basic", "%%%not-base64%%%");
        using var basic = await gatehouse.Http.SendAsync(badBasic, ct);

        foreach (var response in new[] { json, huge, binary, basic })
        {
            var error = await AadstsResponse.ReadAsync(response);
            Assert.InRange((int)error.Status, 400, 499);
            Assert.True(error.Code > 0);
        }
    }

    [Fact]
    public async Task An_assertion_signed_by_an_unregistered_certificate_is_refused_with_AADSTS700027()
    {
        var client = await gatehouse.RegisterClientAsync("unknown-cert");
        using var stranger = TestCertificates.CreateCurrent();
        var error = await RefusedAsync(AssertionForm(client.AppId, ClientAssertions.Create(stranger, ClientAssertions.Claims(client.AppId, TokenUrl(), TimeSpan.FromMinutes(10)))));
        Assert.Equal((HttpStatusCode.Unauthorized, "invalid_client", 700027), (error.Status, error.Error, error.Code));
    }

    [Fact]
    public async Task Assertions_that_are_malformed_expired_for_another_audience_or_issuer_are_refused()
    {
        var client = await gatehouse.RegisterClientAsync("bad-assertions");
        using var certificate = await gatehouse.AddCertificateAsync(client.AppId);

        Assert.Equal(50027, (await RefusedAsync(AssertionForm(client.AppId, "not.a.jwt"))).Code);
        var expired = ClientAssertions.Claims(client.AppId, TokenUrl(), TimeSpan.FromMinutes(-10), startsIn: TimeSpan.FromMinutes(-20));
        Assert.Equal(700024, (await RefusedAsync(AssertionForm(client.AppId, ClientAssertions.Create(certificate, expired)))).Code);
        var otherAudience = ClientAssertions.Claims(client.AppId, "https://login.example.com/token", TimeSpan.FromMinutes(10));
        Assert.Equal(50027, (await RefusedAsync(AssertionForm(client.AppId, ClientAssertions.Create(certificate, otherAudience)))).Code);
        var otherIssuer = ClientAssertions.Claims(client.AppId, TokenUrl(), TimeSpan.FromMinutes(10));
        otherIssuer["iss"] = Guid.NewGuid().ToString();
        Assert.Equal(700021, (await RefusedAsync(AssertionForm(client.AppId, ClientAssertions.Create(certificate, otherIssuer)))).Code);
    }

    [Fact]
    public async Task An_assertion_with_string_times_is_accepted_once_and_refused_when_replayed()
    {
        var client = await gatehouse.RegisterClientAsync("replay");
        using var certificate = await gatehouse.AddCertificateAsync(client.AppId);
        var claims = ClientAssertions.Claims(client.AppId, TokenUrl(), TimeSpan.FromMinutes(10));
        claims["nbf"] = claims["nbf"].ToString()!;
        claims["exp"] = claims["exp"].ToString()!;
        var assertion = ClientAssertions.Create(certificate, claims);

        using var first = await gatehouse.PostTokenAsync(TokenServiceFixture.TenantId, AssertionForm(client.AppId, assertion));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var replay = await RefusedAsync(AssertionForm(client.AppId, assertion));
        Assert.Equal((HttpStatusCode.Unauthorized, "invalid_client"), (replay.Status, replay.Error));
    }

    private string TokenUrl() => $"{gatehouse.BaseUrl}/{TokenServiceFixture.TenantId}/oauth2/v2.0/token";

    private static List<KeyValuePair<string, string>> AssertionForm(string clientId, string assertion) =>
    [
        new("grant_type", "client_credentials"),
        new("client_id", clientId),
        new("client_assertion_type", ClientAssertions.Type),
        new("client_assertion", assertion),
        new("scope", Graph),
    ];

    private static List<KeyValuePair<string, string>> ClientCredentials(string clientId, string secret, string scope = Graph) =>
        [new("grant_type", "client_credentials"), new("client_id", clientId), new("client_secret", secret), new("scope", scope)];

    private async Task<AadstsResponse> RefusedAsync(IEnumerable<KeyValuePair<string, string>> form, string tenant = TokenServiceFixture.TenantId, string version = "v2.0")
    {
        using var response = await gatehouse.PostTokenAsync(tenant, form, version);
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        return await AadstsResponse.ReadAsync(response);
    }
}
