using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Gatehouse.Tests.Infrastructure;

namespace Gatehouse.Tests.Identity;

/// <summary>
/// ID tokens from the authorize endpoint (response_type id_token and code id_token) for apps allowed them, and the
/// sign-in session's sid in every ID token of the sign-in.
/// </summary>
public sealed class HybridFlowTests(GatehouseOnBothStores servers) : IClassFixture<GatehouseOnBothStores>
{
    [Theory]
    [BothStores]
    public async Task Code_id_token_answers_in_the_fragment_with_nonce_c_hash_and_sid_and_the_code_and_refresh_keep_that_sid(string store)
    {
        var gatehouse = await servers.OnAsync(store);
        using var flow = await DelegatedSignIn.CreateAsync(gatehouse, "hybrid", consent: true, idTokens: true);
        var (verifier, challenge) = DelegatedSignIn.NewPkce();

        var response = await flow.AuthorizeAsync(Hybrid(flow.AuthorizeUrl(challenge), "code%20id_token"));
        var answer = DelegatedSignIn.Fragment(response.Headers.Location!);
        var front = Jwt.Payload(answer["id_token"]);
        var redeemed = await AuthorizationCodeGrantTests.ReadAsync(await flow.RedeemAsync(answer["code"], verifier));
        using var refreshed = await gatehouse.PostTokenAsync(TokenServiceFixture.TenantId, new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["client_id"] = flow.Client.AppId,
            ["client_secret"] = flow.Client.Secret,
            ["refresh_token"] = redeemed.GetProperty("refresh_token").GetString()!,
            ["scope"] = "openid profile offline_access User.Read",
        });
        var refreshedIdToken = Jwt.Payload((await AuthorizationCodeGrantTests.ReadAsync(refreshed)).GetProperty("id_token").GetString()!);

        Assert.StartsWith(flow.Redirect + "#", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal("s1", answer["state"]);
        Assert.Equal("n1", front.GetProperty("nonce").GetString());
        Assert.Equal(CHash(answer["code"]), front.GetProperty("c_hash").GetString());
        var sid = front.GetProperty("sid").GetString();
        Assert.False(string.IsNullOrEmpty(sid));
        var redeemedIdToken = Jwt.Payload(redeemed.GetProperty("id_token").GetString()!);
        Assert.Equal(sid, redeemedIdToken.GetProperty("sid").GetString());
        Assert.False(redeemedIdToken.TryGetProperty("c_hash", out _));
        Assert.Equal(sid, refreshedIdToken.GetProperty("sid").GetString());
    }

    [Fact]
    public async Task Id_token_alone_answers_with_only_an_ID_token_and_a_new_sign_in_has_another_sid()
    {
        using var flow = await DelegatedSignIn.CreateAsync(await servers.OnAsync("sqlite"), "hybrid-idtoken", consent: true, idTokens: true);
        using var later = await flow.WithAnotherUserAsync();

        var answer = DelegatedSignIn.Fragment((await flow.AuthorizeAsync(Hybrid(flow.AuthorizeUrl(null, scope: "openid profile"), "id_token"))).Headers.Location!);
        var other = DelegatedSignIn.Fragment((await later.AuthorizeAsync(Hybrid(later.AuthorizeUrl(null, scope: "openid profile"), "id_token"))).Headers.Location!);

        Assert.Equal(["id_token", "state"], answer.Keys.Order(StringComparer.Ordinal));
        var token = Jwt.Payload(answer["id_token"]);
        Assert.Equal(flow.Client.AppId, token.GetProperty("aud").GetString());
        Assert.NotEqual(token.GetProperty("sid").GetString(), Jwt.Payload(other["id_token"]).GetProperty("sid").GetString());
    }

    [Fact]
    public async Task Without_the_ID_tokens_setting_it_is_AADSTS700054_and_a_query_response_or_a_missing_nonce_is_refused()
    {
        var gatehouse = await servers.OnAsync("sqlite");
        using var plain = await DelegatedSignIn.CreateAsync(gatehouse, "hybrid-off", consent: true);
        using var allowed = await DelegatedSignIn.CreateAsync(gatehouse, "hybrid-on", consent: true, idTokens: true);
        var (_, challenge) = DelegatedSignIn.NewPkce();

        var notEnabled = DelegatedSignIn.Fragment((await plain.GetAsync(Hybrid(plain.AuthorizeUrl(challenge), "code%20id_token"))).Headers.Location!);
        var query = await allowed.GetAsync(Hybrid(allowed.AuthorizeUrl(challenge), "id_token") + "&response_mode=query");
        var noNonce = await allowed.GetAsync(Hybrid(allowed.AuthorizeUrl(challenge), "id_token").Replace("&nonce=n1", "", StringComparison.Ordinal));

        Assert.Equal(("unsupported_response_type", "700054"), (notEnabled["error"], notEnabled["error_codes"]));
        var queryError = DelegatedSignIn.Query(query.Headers.Location!);
        Assert.Equal(("invalid_request", "70007"), (queryError["error"], queryError["error_codes"]));
        var nonceError = DelegatedSignIn.Fragment(noNonce.Headers.Location!);
        Assert.Equal(("invalid_request", "900144", "s1"), (nonceError["error"], nonceError["error_codes"], nonceError["state"]));
        Assert.Equal(HttpStatusCode.Redirect, noNonce.StatusCode);
    }

    private static string Hybrid(string authorizeUrl, string responseType) =>
        authorizeUrl.Replace("response_type=code", "response_type=" + responseType, StringComparison.Ordinal);

    // OpenID Connect Core §3.3.2.11: the left half of SHA-256 of the code, base64url.
    private static string CHash(string code) => Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(code)).AsSpan(0, 16));
}
