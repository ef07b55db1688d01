using System.Net;
using Gatehouse.Tests.Infrastructure;

namespace Gatehouse.Tests.Identity;

/// <summary>
/// Single-page apps at the token endpoint, as @azure/msal-browser calls it from a page: the CORS preflight, codes sent
/// to a SPA redirect URI redeemed only across origins, and their refresh tokens that live a day from the sign-in.
/// </summary>
public sealed class SpaTokenTests(GatehouseOnBothStores servers) : IClassFixture<GatehouseOnBothStores>
{
    private const string SpaRedirect = "https://spa.localhost:5173/";
    private const string SpaOrigin = "https://spa.localhost:5173";

    [Fact]
    public async Task The_preflight_allows_the_token_POST_msal_browser_sends()
    {
        var gatehouse = await servers.OnAsync("sqlite");
        using var preflight = new HttpRequestMessage(HttpMethod.Options, $"/{TokenServiceFixture.TenantId}/oauth2/v2.0/token");
        preflight.Headers.Add("Origin", SpaOrigin);
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "content-type,x-client-sku,x-client-ver,client-request-id");

        using var response = await gatehouse.Http.SendAsync(preflight, TestContext.Current.CancellationToken);

        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NoContent, response.StatusCode.ToString());
        Assert.Equal(SpaOrigin, Header(response, "Access-Control-Allow-Origin"));
        Assert.Equal("POST, OPTIONS", Header(response, "Access-Control-Allow-Methods"));
        var allowed = Header(response, "Access-Control-Allow-Headers")!.Split(',', StringSplitOptions.TrimEntries);
        foreach (var header in (string[])["content-type", "x-client-SKU", "x-client-VER", "x-client-OS", "x-client-CPU", "x-client-current-telemetry",
                     "x-client-last-telemetry", "client-request-id", "return-client-request-id"])
        {
            Assert.Contains(header, allowed, StringComparer.OrdinalIgnoreCase);
        }

        Assert.True(int.Parse(Header(response, "Access-Control-Max-Age")!, System.Globalization.CultureInfo.InvariantCulture) > 0);
    }

    [Theory]
    [BothStores]
    public async Task A_SPA_code_redeemed_across_origins_with_PKCE_answers_tokens_the_page_may_read(string store)
    {
        using var flow = await DelegatedSignIn.CreateSpaAsync(await servers.OnAsync(store), "spa-redeem", SpaRedirect);
        var (verifier, challenge) = DelegatedSignIn.NewPkce();

        using var response = await flow.RedeemAsync(await flow.GetCodeAsync(challenge), verifier, origin: SpaOrigin);

        var body = await AuthorizationCodeGrantTests.ReadAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(body.TryGetProperty("access_token", out _));
        Assert.True(body.TryGetProperty("refresh_token", out _));
        Assert.Equal(SpaOrigin, Header(response, "Access-Control-Allow-Origin"));
        Assert.Contains("Origin", response.Headers.Vary);
    }

    [Theory]
    [BothStores]
    public async Task A_SPA_code_from_another_origin_answers_nothing_that_page_may_read(string store)
    {
        using var flow = await DelegatedSignIn.CreateSpaAsync(await servers.OnAsync(store), "spa-other-origin", SpaRedirect);
        var (verifier, challenge) = DelegatedSignIn.NewPkce();

        using var response = await flow.RedeemAsync(await flow.GetCodeAsync(challenge), verifier, origin: "https://elsewhere.localhost");

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Theory]
    [BothStores]
    public async Task A_SPA_code_sent_with_a_client_secret_is_refused_as_a_public_client_presenting_a_credential(string store)
    {
        var gatehouse = await servers.OnAsync(store);
        using var flow = await DelegatedSignIn.CreateSpaAsync(gatehouse, "spa-secret", SpaRedirect);
        var secret = await GatehouseCli.JsonAsync(gatehouse.Store, "app", "secret", "add", "--app", flow.Client.AppId, "--expires", "never");
        var (verifier, challenge) = DelegatedSignIn.NewPkce();
        var code = await flow.GetCodeAsync(challenge);

        using var response = await gatehouse.PostTokenAsync(TokenServiceFixture.TenantId, new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["client_id"] = flow.Client.AppId,
            ["client_secret"] = secret.GetProperty("secretText").GetString()!,
            ["code"] = code,
            ["redirect_uri"] = SpaRedirect,
            ["code_verifier"] = verifier,
            ["scope"] = "openid offline_access User.Read",
        }, origin: SpaOrigin);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await AuthorizationCodeGrantTests.AssertRefusedAsync(response, "invalid_client", 700025);
    }

    [Theory]
    [BothStores]
    public async Task A_SPA_code_redeemed_without_an_origin_is_refused(string store)
    {
        using var flow = await DelegatedSignIn.CreateSpaAsync(await servers.OnAsync(store), "spa-no-origin", SpaRedirect);
        var (verifier, challenge) = DelegatedSignIn.NewPkce();

        using var response = await flow.RedeemAsync(await flow.GetCodeAsync(challenge), verifier);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await AuthorizationCodeGrantTests.AssertRefusedAsync(response, "invalid_request", 9002327);
    }

    [Theory]
    [BothStores]
    public async Task A_web_code_redeemed_across_origins_is_refused_with_an_answer_the_page_may_read(string store)
    {
        using var flow = await DelegatedSignIn.CreateAsync(await servers.OnAsync(store), "spa-web-code");
        var (verifier, challenge) = DelegatedSignIn.NewPkce();

        using var response = await flow.RedeemAsync(await flow.GetCodeAsync(challenge), verifier, origin: "https://localhost");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await AuthorizationCodeGrantTests.ReadAsync(response);
        Assert.Equal("invalid_request", body.GetProperty("error").GetString());
        Assert.Equal(9002326, body.GetProperty("error_codes")[0].GetInt32());
        Assert.Contains("Request origin: 'https://localhost'.", body.GetProperty("error_description").GetString(), StringComparison.Ordinal);
        Assert.Equal("https://localhost", Header(response, "Access-Control-Allow-Origin"));
    }

    [Theory]
    [BothStores]
    public async Task A_SPA_refresh_token_is_redeemed_only_across_origins_and_never_past_a_day_from_the_sign_in(string store)
    {
        var gatehouse = await servers.OnAsync(store);
        using var flow = await DelegatedSignIn.CreateSpaAsync(gatehouse, "spa-refresh", SpaRedirect);
        var (verifier, challenge) = DelegatedSignIn.NewPkce();
        var first = (await AuthorizationCodeGrantTests.ReadAsync(await flow.RedeemAsync(await flow.GetCodeAsync(challenge), verifier, origin: SpaOrigin)))
            .GetProperty("refresh_token").GetString()!;

        await AuthorizationCodeGrantTests.AssertRefusedAsync(await RefreshAsync(flow, first, origin: null), "invalid_request", 9002327);

        gatehouse.Store.Clock.Advance(TimeSpan.FromHours(23));
        using var refreshed = await RefreshAsync(flow, first, SpaOrigin);
        var second = (await AuthorizationCodeGrantTests.ReadAsync(refreshed)).GetProperty("refresh_token").GetString()!;
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        Assert.Equal(SpaOrigin, Header(refreshed, "Access-Control-Allow-Origin"));

        // The new token keeps the sign-in's deadline: two hours on, a day and an hour after the sign-in, it is expired.
        gatehouse.Store.Clock.Advance(TimeSpan.FromHours(2));
        using var expired = await RefreshAsync(flow, second, SpaOrigin);
        Assert.Equal(HttpStatusCode.BadRequest, expired.StatusCode);
        await AuthorizationCodeGrantTests.AssertRefusedAsync(expired, "invalid_grant", 700084);
    }

    private static Task<HttpResponseMessage> RefreshAsync(DelegatedSignIn flow, string refreshToken, string? origin) =>
        flow.Gatehouse.PostTokenAsync(TokenServiceFixture.TenantId, new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["client_id"] = flow.Client.AppId,
            ["refresh_token"] = refreshToken,
            ["scope"] = "openid offline_access User.Read",
        }, origin: origin);

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : null;
}
