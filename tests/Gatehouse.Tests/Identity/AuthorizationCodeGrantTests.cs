using System.Buffers.Text;
using System.Net;
using System.Text;
using System.Text.Json;
using Gatehouse.Tests.Infrastructure;

namespace Gatehouse.Tests.Identity;

/// <summary>grant_type=authorization_code over raw HTTP: single use, bound to redirect URI and PKCE verifier.</summary>
public sealed class AuthorizationCodeGrantTests(TokenServiceFixture gatehouse) : IClassFixture<TokenServiceFixture>
{
    [Fact]
    public async Task A_code_redeems_for_a_delegated_Graph_token_an_ID_token_and_client_info()
    {
        using var flow = await DelegatedSignIn.CreateAsync(gatehouse, "code-ok");
        var (verifier, challenge) = DelegatedSignIn.NewPkce();
        var code = await flow.GetCodeAsync(challenge);

        var response = await flow.RedeemAsync(code, verifier);

        var body = await ReadAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Bearer", body.GetProperty("token_type").GetString());
        Assert.Contains("User.Read", body.GetProperty("scope").GetString()!.Split(' '));
        var access = Jwt.Payload(body.GetProperty("access_token").GetString()!);
        Assert.Equal("User.Read", access.GetProperty("scp").GetString());
        Assert.Equal(flow.Upn, access.GetProperty("upn").GetString());
        Assert.Equal(flow.Client.AppId, access.GetProperty("appid").GetString());
        Assert.Equal(TokenServiceFixture.TenantId, access.GetProperty("tid").GetString());
        var id = Jwt.Payload(body.GetProperty("id_token").GetString()!);
        Assert.Equal(flow.Client.AppId, id.GetProperty("aud").GetString());
        Assert.Equal("n1", id.GetProperty("nonce").GetString());
        Assert.Equal(flow.Upn, id.GetProperty("preferred_username").GetString());
        Assert.Equal("2.0", id.GetProperty("ver").GetString());
        Assert.Equal(access.GetProperty("oid").GetString(), id.GetProperty("oid").GetString());
        var clientInfo = JsonDocument.Parse(Encoding.UTF8.GetString(Base64Url.DecodeFromChars(body.GetProperty("client_info").GetString()))).RootElement;
        Assert.Equal(id.GetProperty("oid").GetString(), clientInfo.GetProperty("uid").GetString());
        Assert.Equal(TokenServiceFixture.TenantId, clientInfo.GetProperty("utid").GetString());
    }

    [Fact]
    public async Task A_second_redemption_of_a_code_is_refused_with_AADSTS54005()
    {
        using var flow = await DelegatedSignIn.CreateAsync(gatehouse, "code-twice");
        var (verifier, challenge) = DelegatedSignIn.NewPkce();
        var code = await flow.GetCodeAsync(challenge);

        var first = await flow.RedeemAsync(code, verifier);
        var second = await flow.RedeemAsync(code, verifier);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        await AssertRefusedAsync(second, "invalid_grant", 54005);
    }

    [Fact]
    public async Task A_code_redeemed_twice_at_once_is_redeemed_once()
    {
        using var flow = await DelegatedSignIn.CreateAsync(gatehouse, "code-race");
        var (verifier, challenge) = DelegatedSignIn.NewPkce();
        var code = await flow.GetCodeAsync(challenge);

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => flow.RedeemAsync(code, verifier)));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
    }

    [Fact]
    public async Task A_code_presented_by_another_client_is_refused_and_stays_redeemable_by_its_own()
    {
        using var flow = await DelegatedSignIn.CreateAsync(gatehouse, "code-otherclient");
        using var other = await DelegatedSignIn.CreateAsync(gatehouse, "code-thief");
        var (verifier, challenge) = DelegatedSignIn.NewPkce();
        var code = await flow.GetCodeAsync(challenge);

        var stolen = await other.RedeemAsync(code, verifier);
        var own = await flow.RedeemAsync(code, verifier);

        await AssertRefusedAsync(stolen, "invalid_grant", 9002313);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }

    [Fact]
    public async Task A_wrong_PKCE_verifier_is_refused_with_AADSTS501481()
    {
        using var flow = await DelegatedSignIn.CreateAsync(gatehouse, "code-verifier");
        var (_, challenge) = DelegatedSignIn.NewPkce();
        var (otherVerifier, _) = DelegatedSignIn.NewPkce();
        var code = await flow.GetCodeAsync(challenge);

        await AssertRefusedAsync(await flow.RedeemAsync(code, otherVerifier), "invalid_grant", 501481);
    }

    [Fact]
    public async Task A_redirect_uri_other_than_the_codes_is_refused_with_AADSTS50011()
    {
        using var flow = await DelegatedSignIn.CreateAsync(gatehouse, "code-redirect");
        var (verifier, challenge) = DelegatedSignIn.NewPkce();
        var code = await flow.GetCodeAsync(challenge);

        await AssertRefusedAsync(await flow.RedeemAsync(code, verifier, redirectUri: "https://localhost/other"), "invalid_grant", 50011);
    }

    [Fact]
    public async Task A_code_with_a_wrong_client_secret_is_refused_with_AADSTS7000215()
    {
        using var flow = await DelegatedSignIn.CreateAsync(gatehouse, "code-secret");
        var (verifier, challenge) = DelegatedSignIn.NewPkce();
        var code = await flow.GetCodeAsync(challenge);

        var response = await gatehouse.PostTokenAsync(TokenServiceFixture.TenantId, new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["client_id"] = flow.Client.AppId,
            ["client_secret"] = "not-the-secret",
            ["code"] = code,
            ["redirect_uri"] = DelegatedSignIn.RedirectUri,
            ["code_verifier"] = verifier,
        });

        await AssertRefusedAsync(response, "invalid_client", 7000215);
    }

    [Fact]
    public async Task A_public_client_must_use_PKCE_and_redeems_its_code_without_a_secret()
    {
        using var flow = await DelegatedSignIn.CreatePublicAsync(gatehouse, "code-public", "msalcodepublic://auth");
        var (verifier, challenge) = DelegatedSignIn.NewPkce();

        var withoutPkce = await flow.AuthorizeAsync(flow.AuthorizeUrl(challenge: null));
        var code = await flow.GetCodeAsync(challenge);
        var response = await flow.RedeemAsync(code, verifier);

        var refusal = DelegatedSignIn.Query(withoutPkce.Headers.Location!);
        Assert.Equal("invalid_request", refusal["error"]);
        Assert.StartsWith("AADSTS9002325", refusal["error_description"], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var access = Jwt.Payload((await ReadAsync(response)).GetProperty("access_token").GetString()!);
        Assert.Equal("0", access.GetProperty("appidacr").GetString());
    }

    [Fact]
    public async Task A_web_app_code_redeemed_without_a_secret_is_refused_with_AADSTS7000218()
    {
        using var flow = await DelegatedSignIn.CreateAsync(gatehouse, "code-nosecret");
        var (verifier, challenge) = DelegatedSignIn.NewPkce();
        var code = await flow.GetCodeAsync(challenge);

        var response = await gatehouse.PostTokenAsync(TokenServiceFixture.TenantId, new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["client_id"] = flow.Client.AppId,
            ["code"] = code,
            ["redirect_uri"] = DelegatedSignIn.RedirectUri,
            ["code_verifier"] = verifier,
        });

        await AssertRefusedAsync(response, "invalid_client", 7000218);
    }

    [Fact]
    public async Task The_v1_endpoints_take_resource_and_answer_with_strings_and_the_resource()
    {
        using var flow = await DelegatedSignIn.CreateAsync(gatehouse, "code-v1");
        var (verifier, challenge) = DelegatedSignIn.NewPkce();
        var authorize = await flow.AuthorizeAsync(
            $"/{TokenServiceFixture.TenantId}/oauth2/authorize?client_id={flow.Client.AppId}&response_type=code"
            + $"&redirect_uri={Uri.EscapeDataString(DelegatedSignIn.RedirectUri)}&resource={Uri.EscapeDataString("https://graph.microsoft.com")}"
            + $"&state=v1&code_challenge={challenge}&code_challenge_method=S256");
        var code = DelegatedSignIn.Query(authorize.Headers.Location!)["code"];

        var response = await gatehouse.PostTokenAsync(TokenServiceFixture.TenantId, new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["client_id"] = flow.Client.AppId,
            ["client_secret"] = flow.Client.Secret,
            ["code"] = code,
            ["redirect_uri"] = DelegatedSignIn.RedirectUri,
            ["code_verifier"] = verifier,
            ["resource"] = "https://graph.microsoft.com",
        }, version: "v1.0");

        var body = await ReadAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(JsonValueKind.String, body.GetProperty("expires_in").ValueKind);
        Assert.True(body.TryGetProperty("resource", out _));
        Assert.True(body.TryGetProperty("id_token", out _));
        Assert.Equal("User.Read", Jwt.Payload(body.GetProperty("access_token").GetString()!).GetProperty("scp").GetString());
    }

    internal static async Task<JsonElement> ReadAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.Clone();

    internal static async Task AssertRefusedAsync(HttpResponseMessage response, string error, int code)
    {
        var body = await ReadAsync(response);
        Assert.Equal(error, body.GetProperty("error").GetString());
        Assert.Equal(code, body.GetProperty("error_codes")[0].GetInt32());
    }
}
