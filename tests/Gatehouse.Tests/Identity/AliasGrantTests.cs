using System.Net;
using Gatehouse.Tests.Infrastructure;

namespace Gatehouse.Tests.Identity;

/// <summary>
/// The password and device code grants on /organizations and /common: the tenant is the user's (the username's
/// domain; the person who enters the code), and a user of another tenant is AADSTS50020 in a named tenant (password grant, authorize endpoint).
/// </summary>
public sealed class AliasGrantTests(GatehouseOnBothStores servers) : IClassFixture<GatehouseOnBothStores>
{
    [Theory]
    [BothStores]
    public async Task The_password_grant_on_organizations_signs_in_to_the_usernames_tenant_and_common_refuses_it(string store)
    {
        var gatehouse = await servers.OnAsync(store);
        using var flow = await DelegatedSignIn.CreatePublicAsync(gatehouse, "ropc-organizations", DelegatedSignIn.NativeClientRedirectUri, allowPublicClientFlows: true);

        using var organizations = await PasswordAsync(gatehouse, "organizations", flow, flow.Upn);
        var common = await AadstsResponse.ReadAsync(await PasswordAsync(gatehouse, "common", flow, flow.Upn));
        var unknownDomain = await AadstsResponse.ReadAsync(await PasswordAsync(gatehouse, "organizations", flow, "someone@nowhere.example"));

        Assert.Equal(HttpStatusCode.OK, organizations.StatusCode);
        var body = await AuthorizationCodeGrantTests.ReadAsync(organizations);
        var access = Jwt.Payload(body.GetProperty("access_token").GetString()!);
        Assert.Equal(TokenServiceFixture.TenantId, access.GetProperty("tid").GetString());
        Assert.Equal(flow.Upn, access.GetProperty("upn").GetString());
        Assert.Equal(9001023, common.Code);
        Assert.Equal(50034, unknownDomain.Code);
    }

    [Theory]
    [BothStores]
    public async Task A_user_of_another_tenant_is_AADSTS50020_at_the_password_grant_of_the_apps_tenant(string store)
    {
        var gatehouse = await servers.OnAsync(store);
        await MultiTenantSignInTests.FabrikamAsync(gatehouse);
        using var flow = await DelegatedSignIn.CreatePublicAsync(gatehouse, "ropc-foreign", DelegatedSignIn.NativeClientRedirectUri, allowPublicClientFlows: true);
        using var guest = await flow.InTenantAsync(MultiTenantSignInTests.FabrikamDomain);

        var refusal = await AadstsResponse.ReadAsync(await PasswordAsync(gatehouse, TokenServiceFixture.TenantId, guest, guest.Upn));

        Assert.Equal((HttpStatusCode.BadRequest, 50020), (refusal.Status, refusal.Code));
    }

    [Theory]
    [BothStores]
    public async Task A_user_of_another_tenant_signing_in_at_the_apps_tenant_authorize_endpoint_is_AADSTS50020_on_a_page(string store)
    {
        var gatehouse = await servers.OnAsync(store);
        await MultiTenantSignInTests.FabrikamAsync(gatehouse);
        using var app = await DelegatedSignIn.CreateAsync(gatehouse, "st-foreign-user", consent: true);
        using var guest = await app.InTenantAsync(MultiTenantSignInTests.FabrikamDomain);
        var (_, challenge) = DelegatedSignIn.NewPkce();

        var answer = await guest.AuthorizeAsync(guest.AuthorizeUrl(challenge));

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Null(answer.Headers.Location);
        Assert.Contains("AADSTS50020", await answer.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Theory]
    [BothStores]
    public async Task A_device_code_asked_for_on_organizations_gives_tokens_of_the_tenant_of_the_person_who_enters_it(string store)
    {
        var gatehouse = await servers.OnAsync(store);
        var fabrikam = await MultiTenantSignInTests.FabrikamAsync(gatehouse);
        using var app = await DelegatedSignIn.CreatePublicAsync(
            gatehouse, "device-organizations", DelegatedSignIn.NativeClientRedirectUri, allowPublicClientFlows: true, signInAudience: "AzureADMultipleOrgs");
        using var guest = await app.InTenantAsync(MultiTenantSignInTests.FabrikamDomain);
        var device = await AuthorizationCodeGrantTests.ReadAsync(await DeviceCodeAsync(gatehouse, "organizations", app.Client.AppId));
        var deviceCode = device.GetProperty("device_code").GetString()!;
        var userCode = device.GetProperty("user_code").GetString()!;

        var pending = await AadstsResponse.ReadAsync(await PollAsync(gatehouse, "organizations", app.Client.AppId, deviceCode));
        var (_, enter) = await guest.OpenPageAsync("/devicelogin");
        var entered = await guest.SubmitAsync("/devicelogin?handler=Code", enter, new Dictionary<string, string> { ["code"] = userCode });
        var (confirmPage, _) = await guest.ConsentAsync(entered.Headers.Location!.OriginalString);
        var confirm = await confirmPage.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var done = await guest.SubmitAsync("/devicelogin?handler=Continue", confirm, new Dictionary<string, string> { ["code"] = userCode });
        using var tokens = await PollAsync(gatehouse, "organizations", app.Client.AppId, deviceCode);

        Assert.Equal(70016, pending.Code);
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Equal(HttpStatusCode.OK, tokens.StatusCode);
        var access = Jwt.Payload((await AuthorizationCodeGrantTests.ReadAsync(tokens)).GetProperty("access_token").GetString()!);
        Assert.Equal(fabrikam, access.GetProperty("tid").GetString());
        Assert.Equal(guest.Upn, access.GetProperty("upn").GetString());
    }

    [Theory]
    [BothStores]
    public async Task A_single_tenant_app_asking_for_a_device_code_on_common_is_AADSTS50194(string store)
    {
        var gatehouse = await servers.OnAsync(store);
        using var app = await DelegatedSignIn.CreatePublicAsync(gatehouse, "device-single", DelegatedSignIn.NativeClientRedirectUri, allowPublicClientFlows: true);

        var refusal = await AadstsResponse.ReadAsync(await DeviceCodeAsync(gatehouse, "common", app.Client.AppId));

        Assert.Equal((HttpStatusCode.BadRequest, 50194), (refusal.Status, refusal.Code));
    }

    private static Task<HttpResponseMessage> DeviceCodeAsync(TokenServiceFixture gatehouse, string tenant, string clientId) =>
        gatehouse.Http.PostAsync(
            new Uri($"/{tenant}/oauth2/v2.0/devicecode", UriKind.Relative),
            new FormUrlEncodedContent([new("client_id", clientId), new("scope", "User.Read openid profile offline_access")]),
            TestContext.Current.CancellationToken);

    private static Task<HttpResponseMessage> PollAsync(TokenServiceFixture gatehouse, string tenant, string clientId, string deviceCode) =>
        gatehouse.PostTokenAsync(tenant, new Dictionary<string, string>
        {
            ["grant_type"] = "urn:ietf:params:oauth:grant-type:device_code",
            ["client_id"] = clientId,
            ["device_code"] = deviceCode,
        });

    private static Task<HttpResponseMessage> PasswordAsync(TokenServiceFixture gatehouse, string tenant, DelegatedSignIn flow, string username) =>
        gatehouse.PostTokenAsync(tenant, new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["client_id"] = flow.Client.AppId,
            ["username"] = username,
            ["password"] = flow.Password,
            ["scope"] = "User.Read openid profile offline_access",
        });
}
