using System.Net;
using Gatehouse.Tests.Infrastructure;

namespace Gatehouse.Tests.Identity;

/// <summary>
/// The password and device code grants on /organizations and /common: the tenant is the user's (the username's
/// domain; the person who enters the code), and a user of another tenant is AADSTS50020 in a named tenant.
/// </summary>
public sealed class AliasGrantTests(GatehouseOnBothStores servers) : IClassFixture<GatehouseOnBothStores>
{
    private const string DesktopRedirectUri = "https://login.microsoftonline.com/common/oauth2/nativeclient";

    [Theory]
    [BothStores]
    public async Task The_password_grant_on_organizations_signs_in_to_the_usernames_tenant_and_common_refuses_it(string store)
    {
        var gatehouse = await servers.OnAsync(store);
        using var flow = await DelegatedSignIn.CreatePublicAsync(gatehouse, "ropc-organizations", DesktopRedirectUri, allowPublicClientFlows: true);

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
        using var flow = await DelegatedSignIn.CreatePublicAsync(gatehouse, "ropc-foreign", DesktopRedirectUri, allowPublicClientFlows: true);
        using var guest = await flow.InTenantAsync(MultiTenantSignInTests.FabrikamDomain);

        var refusal = await AadstsResponse.ReadAsync(await PasswordAsync(gatehouse, TokenServiceFixture.TenantId, guest, guest.Upn));

        Assert.Equal((HttpStatusCode.BadRequest, 50020), (refusal.Status, refusal.Code));
    }

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
