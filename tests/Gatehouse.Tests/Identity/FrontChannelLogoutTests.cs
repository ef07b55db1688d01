using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Gatehouse.Data;
using Gatehouse.DirectoryObjects.Applications;
using Gatehouse.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gatehouse.Tests.Identity;

/// <summary>
/// Single sign-out: the signed-out page loads the front-channel logout URL of each app the session signed in to, with
/// the session's sid, and may frame nothing else; logout_hint and id_token_hint's sid that name another account ask first.
/// </summary>
public sealed partial class FrontChannelLogoutTests(GatehouseOnBothStores servers) : IClassFixture<GatehouseOnBothStores>
{
    [Theory]
    [BothStores]
    public async Task The_signed_out_page_frames_exactly_the_logout_urls_of_the_apps_signed_in_to_with_the_sid(string store)
    {
        var gatehouse = await servers.OnAsync(store);
        using var flow = await DelegatedSignIn.CreateAsync(gatehouse, "fcl-first");
        var second = await AnotherAppAsync(gatehouse, "fcl-second");
        var notSignedIn = await AnotherAppAsync(gatehouse, "fcl-unused");
        await SetLogoutUrlAsync(gatehouse, flow.Client.AppId, "https://first.example/signout?tenant=contoso");
        await SetLogoutUrlAsync(gatehouse, second, "https://second.example:8443/front-channel");
        await SetLogoutUrlAsync(gatehouse, notSignedIn, "https://unused.example/logout");
        var (verifier, challenge) = DelegatedSignIn.NewPkce();
        var tokens = await AuthorizationCodeGrantTests.ReadAsync(await flow.RedeemAsync(await flow.GetCodeAsync(challenge), verifier));
        var sid = Jwt.Payload(tokens.GetProperty("id_token").GetString()!).GetProperty("sid").GetString()!;
        var secondCode = await flow.GetAsync(flow.AuthorizeUrl(challenge).Replace(flow.Client.AppId, second, StringComparison.Ordinal));

        var (logout, html) = await ReadAsync(await flow.GetAsync(LogoutUrl(flow, "client_id", flow.Client.AppId) + "&state=bye"));
        var next = await flow.GetAsync(flow.AuthorizeUrl(challenge));

        Assert.StartsWith(flow.Redirect + "?code=", secondCode.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, logout.StatusCode);
        Assert.Equal(
            [$"https://first.example/signout?tenant=contoso&sid={sid}", $"https://second.example:8443/front-channel?sid={sid}"],
            Frames(html).Order(StringComparer.Ordinal));
        Assert.EndsWith(
            "; frame-src https://first.example/signout https://second.example:8443/front-channel",
            logout.Headers.GetValues("Content-Security-Policy").Single(),
            StringComparison.Ordinal);
        Assert.Equal(flow.Redirect + "?state=bye", WebUtility.HtmlDecode(ContinueLink().Match(html).Groups[1].Value));
        Assert.Contains("<script src=\"/signed-out.js\"></script>", html, StringComparison.Ordinal);
        Assert.StartsWith("/signin?", next.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Theory]
    [BothStores]
    public async Task Without_front_channel_logout_urls_the_sign_out_redirects_at_once_and_other_pages_frame_nothing(string store)
    {
        var gatehouse = await servers.OnAsync(store);
        using var flow = await DelegatedSignIn.CreateAsync(gatehouse, "fcl-none");
        var (_, challenge) = DelegatedSignIn.NewPkce();
        await flow.GetCodeAsync(challenge);

        var logout = await flow.GetAsync(LogoutUrl(flow, "client_id", flow.Client.AppId));
        var signIn = await flow.GetAsync("/signin");

        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal(flow.Redirect, logout.Headers.Location!.OriginalString);
        Assert.DoesNotContain("frame-src", signIn.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Theory]
    [BothStores]
    public async Task A_logout_hint_naming_the_sessions_account_signs_out_at_once_and_another_account_is_asked_first(string store)
    {
        var gatehouse = await servers.OnAsync(store);
        using var flow = await DelegatedSignIn.CreateAsync(gatehouse, "fcl-hint");
        var (_, challenge) = DelegatedSignIn.NewPkce();
        await flow.GetCodeAsync(challenge);

        var (asked, page) = await ReadAsync(await flow.GetAsync(LogoutUrl(flow, "logout_hint", "someone.else@" + TokenServiceFixture.TenantDomain) + $"&client_id={flow.Client.AppId}&state=s9"));
        var stillSignedIn = await flow.GetAsync(flow.AuthorizeUrl(challenge));
        var confirmed = await flow.SubmitAsync(FormAction().Match(page).Groups[1].Value, "", DelegatedSignIn.HiddenFields(page));
        var afterConfirming = await flow.GetAsync(flow.AuthorizeUrl(challenge));
        await flow.GetCodeAsync(challenge);
        var named = await flow.GetAsync(LogoutUrl(flow, "logout_hint", flow.Upn.ToUpperInvariant()) + $"&client_id={flow.Client.AppId}");
        var afterNamed = await flow.GetAsync(flow.AuthorizeUrl(challenge));

        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Contains(flow.Upn, page, StringComparison.Ordinal);
        Assert.DoesNotContain("logout_hint", page, StringComparison.Ordinal);
        Assert.StartsWith(flow.Redirect + "?code=", stillSignedIn.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(flow.Redirect + "?state=s9", confirmed.Headers.Location!.OriginalString);
        Assert.StartsWith("/signin?", afterConfirming.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, named.StatusCode);
        Assert.Equal(flow.Redirect, named.Headers.Location!.OriginalString);
        Assert.StartsWith("/signin?", afterNamed.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Theory]
    [BothStores]
    public async Task An_id_token_hint_of_an_earlier_session_is_asked_first_and_one_of_this_session_signs_out_at_once(string store)
    {
        var gatehouse = await servers.OnAsync(store);
        using var flow = await DelegatedSignIn.CreateAsync(gatehouse, "fcl-sid");
        var earlier = await IdTokenAsync(flow);
        await flow.GetAsync(LogoutUrl(flow, "client_id", flow.Client.AppId));
        var current = await IdTokenAsync(flow);

        var (asked, page) = await ReadAsync(await flow.GetAsync(LogoutUrl(flow, "id_token_hint", earlier)));
        var (_, challenge) = DelegatedSignIn.NewPkce();
        var stillSignedIn = await flow.GetAsync(flow.AuthorizeUrl(challenge));
        var signedOut = await flow.GetAsync(LogoutUrl(flow, "id_token_hint", current));
        var afterwards = await flow.GetAsync(flow.AuthorizeUrl(challenge));

        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Equal(flow.Client.AppId, DelegatedSignIn.HiddenFields(page)["client_id"]);
        Assert.StartsWith(flow.Redirect + "?code=", stillSignedIn.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(flow.Redirect, signedOut.Headers.Location!.OriginalString);
        Assert.StartsWith("/signin?", afterwards.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/{0}/v2.0/.well-known/openid-configuration", "/{0}/oauth2/v2.0/logout")]
    [InlineData("/{0}/.well-known/openid-configuration", "/{0}/oauth2/logout")]
    public async Task Discovery_advertises_front_channel_logout_and_the_end_session_endpoint(string document, string endSession)
    {
        var gatehouse = await servers.OnAsync("sqlite");
        var json = JsonDocument.Parse(
            await gatehouse.Http.GetStringAsync(new Uri(string.Format(document, TokenServiceFixture.TenantId), UriKind.Relative), TestContext.Current.CancellationToken)).RootElement;

        Assert.True(json.GetProperty("frontchannel_logout_supported").GetBoolean());
        Assert.True(json.GetProperty("http_logout_supported").GetBoolean());
        Assert.Equal(gatehouse.BaseUrl + string.Format(endSession, TokenServiceFixture.TenantId), json.GetProperty("end_session_endpoint").GetString());
    }

    private static string LogoutUrl(DelegatedSignIn flow, string name, string value) =>
        $"/{TokenServiceFixture.TenantId}/oauth2/v2.0/logout?{name}={Uri.EscapeDataString(value)}&post_logout_redirect_uri={Uri.EscapeDataString(flow.Redirect)}";

    private static async Task<(HttpResponseMessage Response, string Html)> ReadAsync(HttpResponseMessage response) =>
        (response, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

    private static async Task<string> IdTokenAsync(DelegatedSignIn flow)
    {
        var (verifier, challenge) = DelegatedSignIn.NewPkce();
        var tokens = await AuthorizationCodeGrantTests.ReadAsync(await flow.RedeemAsync(await flow.GetCodeAsync(challenge), verifier));
        return tokens.GetProperty("id_token").GetString()!;
    }

    /// <summary>Another app with the same redirect URI and Microsoft Graph's User.Read, consented for the tenant.</summary>
    private static async Task<string> AnotherAppAsync(TokenServiceFixture gatehouse, string name)
    {
        var app = await GatehouseCli.JsonAsync(gatehouse.Store, "app", "create", "--name", name, "--redirect-uri", DelegatedSignIn.RedirectUri);
        var appId = app.GetProperty("appId").GetString()!;
        await GatehouseCli.JsonAsync(gatehouse.Store, "app", "permission", "add", "--app", appId, "--api", "Microsoft Graph", "--permission", "User.Read", "--type", "Delegated");
        await GatehouseCli.JsonAsync(gatehouse.Store, "app", "consent", "--app", appId);
        return appId;
    }

    /// <summary>Authentication's "Front-channel logout URL", saved as the portal saves it.</summary>
    private static async Task SetLogoutUrlAsync(TokenServiceFixture gatehouse, string appId, string logoutUrl)
    {
        await using var harness = await DirectoryHarness.OpenAsync(gatehouse.Store);
        var saved = await harness.RunAsync(async services =>
        {
            var application = await services.GetRequiredService<GatehouseDb>().Applications.SingleAsync(a => a.AppId == Guid.Parse(appId), TestContext.Current.CancellationToken);
            return await services.GetRequiredService<ApplicationSettings>().SetAuthenticationAsync(
                application, AuthenticationSettings.Of(application) with { LogoutUrl = logoutUrl }, TestContext.Current.CancellationToken);
        });
        Assert.True(saved.Succeeded, saved.Error?.Message);
    }

    private static IEnumerable<string> Frames(string html) =>
        FrontChannelFrame().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value));

    [GeneratedRegex("data-testid=\"front-channel-logout\" src=\"([^\"]+)\"")]
    private static partial Regex FrontChannelFrame();

    [GeneratedRegex("id=\"continue\" class=\"button primary\" href=\"([^\"]+)\"")]
    private static partial Regex ContinueLink();

    [GeneratedRegex("<form method=\"post\" action=\"([^\"]+)\"")]
    private static partial Regex FormAction();
}
