using System.Buffers.Text;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Gatehouse.Tests.Infrastructure;

namespace Gatehouse.Tests.Identity;

/// <summary>
/// Access tokens from the authorize endpoint (response_type token and id_token token, the implicit grant) for apps
/// with the "Access tokens" setting: in the fragment or a form post, never in the query, never with a refresh token.
/// </summary>
public sealed partial class ImplicitGrantTests(GatehouseOnBothStores servers) : IClassFixture<GatehouseOnBothStores>
{
    private const string GraphAppId = "00000003-0000-0000-c000-000000000000";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [BothStores]
    public async Task Token_answers_in_the_fragment_with_a_bearer_token_Graph_accepts_and_no_refresh_token(string store)
    {
        var gatehouse = await servers.OnAsync(store);
        using var flow = await DelegatedSignIn.CreateAsync(gatehouse, "implicit", consent: true, accessTokens: true);

        var response = await flow.AuthorizeAsync(WithResponseType(flow.AuthorizeUrl(null), "token"));
        var answer = DelegatedSignIn.Fragment(response.Headers.Location!);
        using var graph = gatehouse.RawGraph(answer["access_token"]);
        using var me = await graph.GetAsync("me", Cancel);

        Assert.StartsWith(flow.Redirect + "#", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(["access_token", "expires_in", "scope", "state", "token_type"], answer.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(("Bearer", "s1"), (answer["token_type"], answer["state"]));
        var claims = Jwt.Payload(answer["access_token"]);
        Assert.Equal(claims.GetProperty("exp").GetInt64() - claims.GetProperty("iat").GetInt64(), long.Parse(answer["expires_in"], CultureInfo.InvariantCulture));
        Assert.Contains("User.Read", answer["scope"].Split(' '));
        Assert.DoesNotContain("offline_access", answer["scope"].Split(' '));
        Assert.Equal((GraphAppId, "User.Read", "0"),
            (claims.GetProperty("aud").GetString(), claims.GetProperty("scp").GetString(), claims.GetProperty("appidacr").GetString()));
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        var user = JsonDocument.Parse(await me.Content.ReadAsStringAsync(Cancel)).RootElement;
        Assert.Equal(flow.Upn, user.GetProperty("userPrincipalName").GetString());
    }

    [Theory]
    [BothStores]
    public async Task Id_token_token_binds_the_ID_token_to_the_access_token_with_at_hash(string store)
    {
        var gatehouse = await servers.OnAsync(store);
        using var flow = await DelegatedSignIn.CreateAsync(gatehouse, "implicit-oidc", consent: true, idTokens: true, accessTokens: true);

        var answer = DelegatedSignIn.Fragment((await flow.AuthorizeAsync(WithResponseType(flow.AuthorizeUrl(null), "id_token%20token"))).Headers.Location!);

        Assert.Equal(["access_token", "expires_in", "id_token", "scope", "state", "token_type"], answer.Keys.Order(StringComparer.Ordinal));
        var idToken = Jwt.Payload(answer["id_token"]);
        Assert.Equal(LeftHalfHash(answer["access_token"]), idToken.GetProperty("at_hash").GetString());
        Assert.Equal(("n1", flow.Client.AppId), (idToken.GetProperty("nonce").GetString(), idToken.GetProperty("aud").GetString()));
        Assert.False(idToken.TryGetProperty("c_hash", out _));
    }

    [Fact]
    public async Task Without_the_access_tokens_setting_it_is_AADSTS700051_a_query_answer_is_refused_and_form_post_is_allowed()
    {
        var gatehouse = await servers.OnAsync(StoreTrait.Sqlite);
        using var plain = await DelegatedSignIn.CreateAsync(gatehouse, "implicit-off", consent: true, idTokens: true);
        using var allowed = await DelegatedSignIn.CreateAsync(gatehouse, "implicit-on", consent: true, accessTokens: true);

        var notEnabled = DelegatedSignIn.Fragment((await plain.GetAsync(WithResponseType(plain.AuthorizeUrl(null), "token"))).Headers.Location!);
        var notEnabledWithIdToken = DelegatedSignIn.Fragment((await plain.GetAsync(WithResponseType(plain.AuthorizeUrl(null), "id_token%20token"))).Headers.Location!);
        var query = await allowed.GetAsync(WithResponseType(allowed.AuthorizeUrl(null), "token") + "&response_mode=query");
        var posted = await allowed.AuthorizeAsync(WithResponseType(allowed.AuthorizeUrl(null), "token") + "&response_mode=form_post");
        var form = await posted.Content.ReadAsStringAsync(Cancel);

        Assert.Equal(("unsupported_response_type", "700051", "s1"), (notEnabled["error"], notEnabled["error_codes"], notEnabled["state"]));
        Assert.StartsWith("AADSTS700051: response_type 'token' is not enabled for the application.", notEnabled["error_description"], StringComparison.Ordinal);
        Assert.Equal("700051", notEnabledWithIdToken["error_codes"]);
        var queryError = DelegatedSignIn.Query(query.Headers.Location!);
        Assert.Equal(("invalid_request", "70007"), (queryError["error"], queryError["error_codes"]));
        Assert.False(queryError.ContainsKey("access_token"));
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var fields = FormFields().Matches(form).ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Value));
        Assert.Equal(["access_token", "expires_in", "scope", "state", "token_type"], fields.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(allowed.Client.AppId, Jwt.Payload(fields["access_token"]).GetProperty("appid").GetString());
    }

    [Fact]
    public async Task V1_token_with_resource_answers_a_token_for_that_resource_and_without_consent_it_asks_for_it_as_the_code_flow_does()
    {
        var gatehouse = await servers.OnAsync(StoreTrait.Sqlite);
        using var flow = await DelegatedSignIn.CreateAsync(gatehouse, "implicit-v1", consent: true, accessTokens: true);
        using var unconsented = await DelegatedSignIn.CreateAsync(gatehouse, "implicit-none", consent: false, accessTokens: true);
        var v1 = $"/{TokenServiceFixture.TenantId}/oauth2/authorize?client_id={flow.Client.AppId}&response_type=token"
            + $"&redirect_uri={Uri.EscapeDataString(flow.Redirect)}&resource={Uri.EscapeDataString("https://graph.microsoft.com")}&state=v1";

        var answer = DelegatedSignIn.Fragment((await flow.AuthorizeAsync(v1)).Headers.Location!);
        var toConsent = await unconsented.AuthorizeAsync(WithResponseType(unconsented.AuthorizeUrl(null), "token"));
        var silent = DelegatedSignIn.Fragment((await unconsented.GetAsync(WithResponseType(unconsented.AuthorizeUrl(null), "token") + "&prompt=none")).Headers.Location!);

        Assert.Equal(("Bearer", "v1"), (answer["token_type"], answer["state"]));
        Assert.Equal((GraphAppId, "User.Read"), (Jwt.Payload(answer["access_token"]).GetProperty("aud").GetString(), Jwt.Payload(answer["access_token"]).GetProperty("scp").GetString()));
        Assert.StartsWith("/consent?", toConsent.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(("consent_required", "65001"), (silent["error"], silent["error_codes"]));
    }

    [Theory]
    [BothStores]
    public async Task The_Authentication_blades_access_tokens_box_turns_the_implicit_grant_on(string store)
    {
        var gatehouse = await servers.OnAsync(store);
        using var admin = await DelegatedSignIn.CreateAsync(gatehouse, "implicit-portal", consent: true, role: "Application Administrator");
        var objectId = (await GatehouseCli.ShowAppAsync(gatehouse.Store, admin.Client.AppId)).GetProperty("id").GetString();
        var blade = $"/applications/{objectId}/authentication";
        var refused = DelegatedSignIn.Fragment((await admin.AuthorizeAsync(WithResponseType(admin.AuthorizeUrl(null), "token"))).Headers.Location!);

        var (_, html) = await admin.OpenPageAsync(blade);
        var saved = await admin.SubmitAsync(blade + "?handler=Save", html, new Dictionary<string, string>
        {
            ["LogoutUrl"] = "",
            ["SignInAudience"] = "AzureADMyOrg",
            ["AllowPublicClientFlows"] = "false",
            ["AccessTokens"] = "true",
        });
        var (_, after) = await admin.OpenPageAsync(blade);
        var shown = await GatehouseCli.ShowAppAsync(gatehouse.Store, admin.Client.AppId);
        var answer = DelegatedSignIn.Fragment((await admin.AuthorizeAsync(WithResponseType(admin.AuthorizeUrl(null), "token"))).Headers.Location!);

        Assert.Equal("700051", refused["error_codes"]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("name=\"AccessTokens\" value=\"true\" checked=\"checked\"", after, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"IdTokens\" value=\"true\" checked=\"checked\"", after, StringComparison.Ordinal);
        var settings = shown.GetProperty("web").GetProperty("implicitGrantSettings");
        Assert.True(settings.GetProperty("enableAccessTokenIssuance").GetBoolean());
        Assert.False(settings.GetProperty("enableIdTokenIssuance").GetBoolean());
        Assert.Equal("Bearer", answer["token_type"]);
    }

    private static string WithResponseType(string authorizeUrl, string responseType) =>
        authorizeUrl.Replace("response_type=code", "response_type=" + responseType, StringComparison.Ordinal);

    // OpenID Connect Core §3.2.2.10: the left half of SHA-256 of the access token, base64url.
    private static string LeftHalfHash(string value) => Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(value)).AsSpan(0, 16));

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">")]
    private static partial Regex FormFields();
}
