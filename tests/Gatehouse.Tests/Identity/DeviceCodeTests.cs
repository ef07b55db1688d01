using System.Net;
using System.Text.Json;
using Gatehouse.Tests.Infrastructure;

namespace Gatehouse.Tests.Identity;

/// <summary>
/// The device authorization grant over raw HTTP: the device asks for codes and polls, the person enters the user code at
/// /devicelogin, signs in and confirms (or cancels); the answers are Entra's polling errors until then.
/// </summary>
public sealed class DeviceCodeTests(TokenServiceFixture gatehouse) : IClassFixture<TokenServiceFixture>
{
    [Fact]
    public async Task The_device_gets_codes_then_pending_then_slow_down_when_it_polls_too_soon()
    {
        using var flow = await DelegatedSignIn.CreatePublicAsync(gatehouse, "device-pending", DelegatedSignIn.NativeClientRedirectUri, allowPublicClientFlows: true);

        var device = await RequestCodesAsync(flow.Client.AppId, "User.Read openid profile offline_access");
        var first = await PollAsync(flow.Client.AppId, device.GetProperty("device_code").GetString()!);
        var tooSoon = await PollAsync(flow.Client.AppId, device.GetProperty("device_code").GetString()!, grantType: "device_code");

        Assert.Equal($"{gatehouse.BaseUrl}/devicelogin", device.GetProperty("verification_uri").GetString());
        Assert.Equal(900, device.GetProperty("expires_in").GetInt32());
        Assert.Equal(5, device.GetProperty("interval").GetInt32());
        var userCode = device.GetProperty("user_code").GetString()!;
        Assert.Equal(9, userCode.Length);
        Assert.Contains(userCode, device.GetProperty("message").GetString()!, StringComparison.Ordinal);
        await AssertErrorAsync(first, "authorization_pending", 70016);
        await AssertErrorAsync(tooSoon, "slow_down", 70016);
    }

    [Fact]
    public async Task The_person_enters_the_code_signs_in_and_confirms_and_the_next_poll_gets_tokens_once()
    {
        using var flow = await DelegatedSignIn.CreatePublicAsync(gatehouse, "device-approve", DelegatedSignIn.NativeClientRedirectUri, allowPublicClientFlows: true);
        var device = await RequestCodesAsync(flow.Client.AppId, "User.Read openid profile offline_access");
        var deviceCode = device.GetProperty("device_code").GetString()!;

        var confirmed = await ApproveAsync(flow, device.GetProperty("user_code").GetString()!.ToLowerInvariant());
        var tokens = await PollAsync(flow.Client.AppId, deviceCode);
        var again = await PollAsync(flow.Client.AppId, deviceCode);

        Assert.Contains("You have signed in to the device-approve application on your device", confirmed, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, tokens.StatusCode);
        var body = await AuthorizationCodeGrantTests.ReadAsync(tokens);
        var access = Jwt.Payload(body.GetProperty("access_token").GetString()!);
        Assert.Equal("User.Read", access.GetProperty("scp").GetString());
        Assert.Equal(flow.Upn, access.GetProperty("upn").GetString());
        Assert.Equal("0", access.GetProperty("appidacr").GetString());
        Assert.True(body.TryGetProperty("refresh_token", out _));
        Assert.True(body.TryGetProperty("id_token", out _));
        await AssertErrorAsync(again, "invalid_grant", 54005);
    }

    [Fact]
    public async Task A_user_code_is_used_once()
    {
        using var flow = await DelegatedSignIn.CreatePublicAsync(gatehouse, "device-once", DelegatedSignIn.NativeClientRedirectUri, allowPublicClientFlows: true);
        var device = await RequestCodesAsync(flow.Client.AppId, "User.Read openid");
        var userCode = device.GetProperty("user_code").GetString()!;
        await ApproveAsync(flow, userCode);

        var (page, html) = await flow.OpenPageAsync("/devicelogin");
        var reused = await flow.SubmitAsync("/devicelogin?handler=Code", html, new Dictionary<string, string> { ["code"] = userCode });

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, reused.StatusCode);
        Assert.Contains("That code didn't work", WebUtility.HtmlDecode(await reused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancel_at_devicelogin_is_authorization_declined_for_the_device()
    {
        using var flow = await DelegatedSignIn.CreatePublicAsync(gatehouse, "device-cancel", DelegatedSignIn.NativeClientRedirectUri, allowPublicClientFlows: true);
        var device = await RequestCodesAsync(flow.Client.AppId, "User.Read openid");
        var userCode = device.GetProperty("user_code").GetString()!;

        var (_, confirm) = await flow.OpenPageAsync("/devicelogin?code=" + userCode);
        var cancelled = await flow.SubmitAsync("/devicelogin?handler=Cancel", confirm, new Dictionary<string, string> { ["code"] = userCode });
        var poll = await PollAsync(flow.Client.AppId, device.GetProperty("device_code").GetString()!);

        Assert.Contains("You declined", await cancelled.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        await AssertErrorAsync(poll, "authorization_declined", 65004);
    }

    [Fact]
    public async Task Scopes_not_yet_granted_are_asked_for_on_the_consent_page_before_the_device_is_approved()
    {
        using var flow = await DelegatedSignIn.CreatePublicAsync(gatehouse, "device-consent", DelegatedSignIn.NativeClientRedirectUri, allowPublicClientFlows: true, consent: false);
        var device = await RequestCodesAsync(flow.Client.AppId, "User.Read openid");
        var userCode = device.GetProperty("user_code").GetString()!;

        var toConsent = await flow.OpenPageAsync("/devicelogin?code=" + userCode);
        var pending = await PollAsync(flow.Client.AppId, device.GetProperty("device_code").GetString()!);

        Assert.Contains("Permissions requested", toConsent.Html, StringComparison.Ordinal);
        await AssertErrorAsync(pending, "authorization_pending", 70016);
    }

    [Fact]
    public async Task An_unknown_device_code_is_bad_verification_code()
    {
        using var flow = await DelegatedSignIn.CreatePublicAsync(gatehouse, "device-unknown", DelegatedSignIn.NativeClientRedirectUri, allowPublicClientFlows: true);

        await AssertErrorAsync(await PollAsync(flow.Client.AppId, "not-a-device-code"), "bad_verification_code", 70018);
    }

    [Fact]
    public async Task Without_Allow_public_client_flows_a_poll_without_a_secret_is_AADSTS7000218()
    {
        using var flow = await DelegatedSignIn.CreatePublicAsync(gatehouse, "device-notpublic", DelegatedSignIn.NativeClientRedirectUri);
        var device = await RequestCodesAsync(flow.Client.AppId, "User.Read openid");

        await AssertErrorAsync(await PollAsync(flow.Client.AppId, device.GetProperty("device_code").GetString()!), "invalid_client", 7000218);
    }

    [Fact]
    public async Task A_scope_the_resource_does_not_have_is_refused_when_the_codes_are_asked_for()
    {
        using var flow = await DelegatedSignIn.CreatePublicAsync(gatehouse, "device-scope", DelegatedSignIn.NativeClientRedirectUri, allowPublicClientFlows: true);

        var response = await gatehouse.Http.PostAsync(
            new Uri($"/{TokenServiceFixture.TenantId}/oauth2/v2.0/devicecode", UriKind.Relative),
            new FormUrlEncodedContent([new("client_id", flow.Client.AppId), new("scope", "Not.A.Scope openid")]),
            TestContext.Current.CancellationToken);

        await AssertErrorAsync(response, "invalid_scope", 650053);
    }

    [Fact]
    public async Task The_v1_endpoint_takes_resource_and_names_the_page_verification_url()
    {
        using var flow = await DelegatedSignIn.CreatePublicAsync(gatehouse, "device-v1", DelegatedSignIn.NativeClientRedirectUri, allowPublicClientFlows: true);

        var response = await gatehouse.Http.PostAsync(
            new Uri($"/{TokenServiceFixture.TenantId}/oauth2/devicecode", UriKind.Relative),
            new FormUrlEncodedContent([new("client_id", flow.Client.AppId), new("resource", "https://graph.microsoft.com")]),
            TestContext.Current.CancellationToken);

        var body = await AuthorizationCodeGrantTests.ReadAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"{gatehouse.BaseUrl}/devicelogin", body.GetProperty("verification_url").GetString());
        Assert.Equal("900", body.GetProperty("expires_in").GetString());
    }

    /// <summary>Enters the code at /devicelogin, signs in on the way, confirms, and returns the last page.</summary>
    internal static async Task<string> ApproveAsync(DelegatedSignIn flow, string userCode)
    {
        var (_, enter) = await flow.OpenPageAsync("/devicelogin");
        var entered = await flow.SubmitAsync("/devicelogin?handler=Code", enter, new Dictionary<string, string> { ["code"] = userCode });
        Assert.Equal(HttpStatusCode.Redirect, entered.StatusCode);
        var (_, confirm) = await flow.OpenPageAsync(entered.Headers.Location!.OriginalString);
        Assert.Contains("Are you trying to sign in to", confirm, StringComparison.Ordinal);
        var done = await flow.SubmitAsync("/devicelogin?handler=Continue", confirm, new Dictionary<string, string> { ["code"] = userCode });
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        return await done.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
    }

    private async Task<JsonElement> RequestCodesAsync(string clientId, string scope)
    {
        var response = await gatehouse.Http.PostAsync(
            new Uri($"/{TokenServiceFixture.TenantId}/oauth2/v2.0/devicecode", UriKind.Relative),
            new FormUrlEncodedContent([new("client_id", clientId), new("scope", scope)]),
            TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await AuthorizationCodeGrantTests.ReadAsync(response);
    }

    private Task<HttpResponseMessage> PollAsync(string clientId, string deviceCode, string grantType = "urn:ietf:params:oauth:grant-type:device_code") =>
        gatehouse.PostTokenAsync(TokenServiceFixture.TenantId, new Dictionary<string, string>
        {
            ["grant_type"] = grantType,
            ["client_id"] = clientId,
            ["device_code"] = deviceCode,
        });

    private static async Task AssertErrorAsync(HttpResponseMessage response, string error, int code)
    {
        var refusal = await AadstsResponse.ReadAsync(response);
        Assert.Equal((error, code), (refusal.Error, refusal.Code));
        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized);
    }
}
