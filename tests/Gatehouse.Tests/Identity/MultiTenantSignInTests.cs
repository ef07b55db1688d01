using System.Net;
using Gatehouse.Tests.Infrastructure;

namespace Gatehouse.Tests.Identity;

/// <summary>
/// /common, /organizations and /consumers on the authorize and token endpoints: signInAudience decides who may sign
/// in, a multi-tenant app gets its service principal in the user's tenant on consent, and tokens name the user's tenant.
/// </summary>
public sealed class MultiTenantSignInTests(GatehouseOnBothStores servers) : IClassFixture<GatehouseOnBothStores>
{
    internal const string FabrikamDomain = "fabrikam.onmicrosoft.com";

    [Theory]
    [BothStores]
    public async Task A_user_of_another_tenant_consents_through_common_and_MSAL_gets_tokens_of_their_tenant(string store)
    {
        var gatehouse = await servers.OnAsync(store);
        var fabrikam = await FabrikamAsync(gatehouse);
        using var app = await DelegatedSignIn.CreateAsync(gatehouse, "mt-common", consent: true, signInAudience: "AzureADMultipleOrgs");
        using var guest = await app.InTenantAsync(FabrikamDomain);
        var msal = gatehouse.Msal(app.Client, "common", app.Redirect);
        var (verifier, challenge) = DelegatedSignIn.NewPkce();

        var (authorized, consentPage) = await guest.ConsentAsync(guest.AuthorizeUrl(challenge, tenant: "common"));
        var code = DelegatedSignIn.Query(authorized.Headers.Location!)["code"];
        var result = await msal.AcquireTokenByAuthorizationCode(["User.Read"], code).WithPkceCodeVerifier(verifier)
            .ExecuteAsync(TestContext.Current.CancellationToken);
        var again = await guest.AuthorizeAsync(guest.AuthorizeUrl(challenge, tenant: "organizations"));

        Assert.Contains("mt-common", consentPage, StringComparison.Ordinal);
        var id = Jwt.Payload(result.IdToken);
        Assert.Equal(fabrikam, id.GetProperty("tid").GetString());
        Assert.Equal($"{gatehouse.BaseUrl}/{fabrikam}/v2.0", id.GetProperty("iss").GetString());
        Assert.Equal(fabrikam, Jwt.Payload(result.AccessToken).GetProperty("tid").GetString());
        Assert.Equal(fabrikam, result.Account.HomeAccountId.TenantId);
        Assert.True(DelegatedSignIn.Query(again.Headers.Location!).ContainsKey("code"), "the second sign-in was asked to consent again");
    }

    [Theory]
    [BothStores]
    public async Task A_refresh_token_from_a_common_sign_in_is_redeemed_on_common_in_the_users_tenant(string store)
    {
        var gatehouse = await servers.OnAsync(store);
        var fabrikam = await FabrikamAsync(gatehouse);
        using var app = await DelegatedSignIn.CreateAsync(gatehouse, "mt-refresh", consent: true, signInAudience: "AzureADMultipleOrgs");
        using var guest = await app.InTenantAsync(FabrikamDomain);
        var (verifier, challenge) = DelegatedSignIn.NewPkce();
        var (authorized, _) = await guest.ConsentAsync(guest.AuthorizeUrl(challenge, tenant: "common"));
        using var first = await guest.RedeemAsync(DelegatedSignIn.Query(authorized.Headers.Location!)["code"], verifier, tenant: "common");
        var refreshToken = (await AuthorizationCodeGrantTests.ReadAsync(first)).GetProperty("refresh_token").GetString()!;

        using var refreshed = await gatehouse.PostTokenAsync("common", new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["client_id"] = app.Client.AppId,
            ["client_secret"] = app.Client.Secret,
            ["refresh_token"] = refreshToken,
            ["scope"] = "openid offline_access User.Read",
        });

        var body = await AuthorizationCodeGrantTests.ReadAsync(refreshed);
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        Assert.Equal(fabrikam, Jwt.Payload(body.GetProperty("access_token").GetString()!).GetProperty("tid").GetString());
    }

    [Theory]
    [StoreRow("sqlite", "common")]
    [StoreRow("postgres", "organizations")]
    public async Task A_single_tenant_app_on_an_alias_is_AADSTS50194_on_a_page(string store, string alias)
    {
        using var app = await DelegatedSignIn.CreateAsync(await servers.OnAsync(store), "st-" + alias, consent: true);
        var (_, challenge) = DelegatedSignIn.NewPkce();

        var response = await app.GetAsync(app.AuthorizeUrl(challenge, tenant: alias));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("AADSTS50194", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Theory]
    [BothStores]
    public async Task A_single_tenant_app_asked_for_in_another_tenant_is_AADSTS700016_on_a_page(string store)
    {
        var gatehouse = await servers.OnAsync(store);
        var fabrikam = await FabrikamAsync(gatehouse);
        using var app = await DelegatedSignIn.CreateAsync(gatehouse, "st-other", consent: true);
        using var guest = await app.InTenantAsync(FabrikamDomain);
        var (_, challenge) = DelegatedSignIn.NewPkce();

        var inFabrikam = await guest.GetAsync(guest.AuthorizeUrl(challenge, tenant: fabrikam));

        Assert.Equal(HttpStatusCode.BadRequest, inFabrikam.StatusCode);
        Assert.Contains("AADSTS700016", await inFabrikam.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Theory]
    [BothStores]
    public async Task Consumers_is_refused_on_the_authorize_page_and_at_the_token_endpoint(string store)
    {
        var gatehouse = await servers.OnAsync(store);
        using var app = await DelegatedSignIn.CreateAsync(gatehouse, "mt-consumers", consent: true, signInAudience: "AzureADMultipleOrgs");
        var (verifier, challenge) = DelegatedSignIn.NewPkce();
        var code = await app.GetCodeAsync(challenge);

        var page = await app.GetAsync(app.AuthorizeUrl(challenge, tenant: "consumers"));
        using var token = await app.RedeemAsync(code, verifier, tenant: "consumers");

        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Null(page.Headers.Location);
        Assert.Contains("not enabled for consumers", await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        var error = await AadstsResponse.ReadAsync(token);
        Assert.Equal(("unauthorized_client", 700016), (error.Error, error.Code));
    }

    [Fact]
    public async Task MSAL_with_a_common_authority_refreshes_silently_for_the_other_tenants_account()
    {
        var gatehouse = await servers.OnAsync("sqlite");
        await FabrikamAsync(gatehouse);
        using var app = await DelegatedSignIn.CreateAsync(gatehouse, "mt-silent", consent: true, signInAudience: "AzureADMultipleOrgs");
        using var guest = await app.InTenantAsync(FabrikamDomain);
        var msal = gatehouse.Msal(app.Client, "common", app.Redirect);
        var (verifier, challenge) = DelegatedSignIn.NewPkce();
        var (authorized, _) = await guest.ConsentAsync(guest.AuthorizeUrl(challenge, tenant: "common"));
        var first = await msal.AcquireTokenByAuthorizationCode(["User.Read"], DelegatedSignIn.Query(authorized.Headers.Location!)["code"])
            .WithPkceCodeVerifier(verifier).ExecuteAsync(TestContext.Current.CancellationToken);

        var silent = await msal.AcquireTokenSilent(["User.Read"], first.Account).WithForceRefresh(true).ExecuteAsync(TestContext.Current.CancellationToken);

        Assert.NotEqual(first.AccessToken, silent.AccessToken);
        Assert.Equal(first.Account.HomeAccountId.TenantId, Jwt.Payload(silent.AccessToken).GetProperty("tid").GetString());
    }

    private static readonly SemaphoreSlim Importing = new(1, 1);

    /// <summary>The Fabrikam tenant on this server, imported once.</summary>
    internal static async Task<string> FabrikamAsync(TokenServiceFixture gatehouse)
    {
        await Importing.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            var path = Path.Combine(gatehouse.Store.DataFolder, "fabrikam-id");
            if (!File.Exists(path))
            {
                await File.WriteAllTextAsync(path, await DelegatedSignIn.ImportTenantAsync(gatehouse, FabrikamDomain), TestContext.Current.CancellationToken);
            }

            return await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken);
        }
        finally
        {
            Importing.Release();
        }
    }
}
