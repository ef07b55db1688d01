using Gatehouse.Tests.Infrastructure;
using Gatehouse.Tests.MicrosoftHosts;
using Microsoft.Identity.Client;

namespace Gatehouse.Tests.UnchangedClients;

/// <summary>
/// `az login` as a user, with the Azure CLI's own client application (docs/protocol/azure-cli.md §4), in the public
/// cloud through Gatehouse's proxy: no app registration and no consent, as against Entra ID.
/// </summary>
public sealed class AzureCliUserSignInTests(MicrosoftHostsFixture gatehouse) : IClassFixture<MicrosoftHostsFixture>
{
    private const string AzureCliAppId = "04b07795-8ddb-461a-bbee-02f9e1bf7b46";
    private const string MicrosoftGraph = "00000003-0000-0000-c000-000000000000";
    private const string UserRead = "e1fe6dd8-ba31-4d61-89e7-88639da4683d";

    [Fact]
    public async Task A_Global_Administrator_signs_in_with_a_password_registers_an_app_they_own_and_grants_it_admin_consent()
    {
        var (upn, password) = await CreateUserAsync("az-admin", "--role", "Global Administrator");
        using var az = new AzureCli(gatehouse.ProcessEnvironment());

        await az.RunAsync("login", "-u", upn, "-p", password, "--tenant", TokenServiceFixture.TenantId, "--allow-no-subscriptions");
        var me = await az.JsonAsync("ad", "signed-in-user", "show");
        var app = await az.JsonAsync("ad", "app", "create", "--display-name", "az-user-app");
        var appId = app.GetProperty("appId").GetString()!;
        var owners = await az.JsonAsync("ad", "app", "owner", "list", "--id", appId);
        await az.RunAsync("ad", "app", "permission", "add", "--id", appId, "--api", MicrosoftGraph, "--api-permissions", $"{UserRead}=Scope");
        await az.RunAsync("ad", "app", "permission", "admin-consent", "--id", appId);
        var grants = await az.JsonAsync("ad", "app", "permission", "list-grants", "--id", appId);
        var token = await az.JsonAsync("account", "get-access-token", "--resource-type", "ms-graph");

        Assert.Equal(upn, me.GetProperty("userPrincipalName").GetString());
        Assert.Equal(upn, Assert.Single(owners.EnumerateArray()).GetProperty("userPrincipalName").GetString());
        Assert.Contains("User.Read", Assert.Single(grants.EnumerateArray()).GetProperty("scope").GetString()!.Split(' '));
        var access = Jwt.Payload(token.GetProperty("accessToken").GetString()!);
        Assert.Equal(AzureCliAppId, access.GetProperty("appid").GetString());
        Assert.Equal(upn, access.GetProperty("upn").GetString());
        Assert.Contains("Directory.AccessAsUser.All", access.GetProperty("scp").GetString()!.Split(' '));
    }

    [Fact]
    public async Task A_user_without_a_role_signs_in_but_cannot_grant_admin_consent()
    {
        var (adminUpn, adminPassword) = await CreateUserAsync("az-owner", "--role", "Global Administrator");
        var (upn, password) = await CreateUserAsync("az-plain");
        using var admin = new AzureCli(gatehouse.ProcessEnvironment());
        using var az = new AzureCli(gatehouse.ProcessEnvironment());
        await admin.RunAsync("login", "-u", adminUpn, "-p", adminPassword, "--tenant", TokenServiceFixture.TenantId, "--allow-no-subscriptions");
        var appId = (await admin.JsonAsync("ad", "app", "create", "--display-name", "az-plain-target")).GetProperty("appId").GetString()!;
        await admin.RunAsync("ad", "app", "permission", "add", "--id", appId, "--api", MicrosoftGraph, "--api-permissions", $"{UserRead}=Scope");

        await az.RunAsync("login", "-u", upn, "-p", password, "--tenant", TokenServiceFixture.TenantId, "--allow-no-subscriptions");
        var me = await az.JsonAsync("ad", "signed-in-user", "show");
        var consent = await az.TryAsync("ad", "app", "permission", "admin-consent", "--id", appId);

        Assert.Equal(upn, me.GetProperty("userPrincipalName").GetString());
        Assert.NotEqual(0, consent.ExitCode);
        Assert.Contains("administrator", consent.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_fails_with_AADSTS50126()
    {
        var (upn, _) = await CreateUserAsync("az-wrong");
        using var az = new AzureCli(gatehouse.ProcessEnvironment());

        var login = await az.TryAsync("login", "-u", upn, "-p", "not-the-password", "--tenant", TokenServiceFixture.TenantId, "--allow-no-subscriptions");

        Assert.NotEqual(0, login.ExitCode);
        Assert.Contains("AADSTS50126", login.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MSAL_NET_signs_a_user_in_as_the_Azure_CLI_on_the_public_clouds_authority()
    {
        var (upn, password) = await CreateUserAsync("az-msal");
        using var factory = new TrustingMsalHttpClientFactory(gatehouse.ProxiedHandler());
        var msal = PublicClientApplicationBuilder.Create(AzureCliAppId)
            .WithAuthority(AzureCloudInstance.AzurePublic, TokenServiceFixture.TenantId)
            .WithHttpClientFactory(factory)
            .Build();

#pragma warning disable CS0618 // Obsolete in MSAL for new apps; `az login -u -p` still uses the grant.
        var result = await msal.AcquireTokenByUsernamePassword(["https://management.core.windows.net//.default"], upn, password)
            .ExecuteAsync(TestContext.Current.CancellationToken);
#pragma warning restore CS0618

        var access = Jwt.Payload(result.AccessToken);
        Assert.Equal(upn, access.GetProperty("upn").GetString());
        Assert.Equal("user_impersonation", access.GetProperty("scp").GetString());
    }

    private async Task<(string Upn, string Password)> CreateUserAsync(string name, params string[] options)
    {
        var upn = $"{name}-{Guid.NewGuid().ToString("N")[..8]}@{TokenServiceFixture.TenantDomain}";
        var password = $"Az-{Guid.NewGuid():N}!";
        await GatehouseCli.JsonAsync(gatehouse.Gatehouse.Store, ["user", "create", "--upn", upn, "--password", password, .. options]);
        return (upn, password);
    }
}
