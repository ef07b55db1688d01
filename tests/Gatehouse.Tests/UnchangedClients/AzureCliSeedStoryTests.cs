using Gatehouse.Tests.Infrastructure;
using Gatehouse.Tests.MicrosoftHosts;

namespace Gatehouse.Tests.UnchangedClients;

/// <summary>
/// The seed story ("Microsoft Office 365 API Provider Setup") told with the Azure CLI as it ships, in the public cloud,
/// through Gatehouse's proxy: the same steps a user takes against Entra ID, and the secret they made then gets a token
/// with the permissions they granted.
/// </summary>
public sealed class AzureCliSeedStoryTests(MicrosoftHostsFixture gatehouse) : IClassFixture<MicrosoftHostsFixture>
{
    private const string MicrosoftGraph = "00000003-0000-0000-c000-000000000000";
    private const string AzureAdGraph = "00000002-0000-0000-c000-000000000000";

    [Fact]
    public async Task The_Azure_CLI_registers_an_app_adds_a_secret_and_permissions_grants_consent_and_the_secret_gets_the_granted_roles()
    {
        var server = gatehouse.Gatehouse;
        var automation = await server.RegisterClientAsync("az-automation",
            ("Microsoft Graph", "Application.ReadWrite.All"), ("Microsoft Graph", "AppRoleAssignment.ReadWrite.All"),
            ("Microsoft Graph", "DelegatedPermissionGrant.ReadWrite.All"), ("Microsoft Graph", "User.Read.All"));
        using var az = new AzureCli(gatehouse.ProcessEnvironment());

        var subscriptions = await az.JsonAsync("login", "--service-principal", "-u", automation.AppId, "-p", automation.Secret,
            "--tenant", TokenServiceFixture.TenantId);
        var app = await az.JsonAsync("ad", "app", "create", "--display-name", "myCoolInstance");
        var appId = app.GetProperty("appId").GetString()!;
        var credential = await az.JsonAsync("ad", "app", "credential", "reset", "--id", appId,
            "--display-name", "myCoolSecret", "--end-date", "2299-12-31");
        var calendarsReadWrite = await PermissionIdAsync(az, MicrosoftGraph, "oauth2PermissionScopes", "Calendars.ReadWrite");
        var directoryReadWriteAll = await PermissionIdAsync(az, AzureAdGraph, "appRoles", "Directory.ReadWrite.All");
        await az.RunAsync("ad", "app", "permission", "add", "--id", appId, "--api", MicrosoftGraph, "--api-permissions", $"{calendarsReadWrite}=Scope");
        await az.RunAsync("ad", "app", "permission", "add", "--id", appId, "--api", AzureAdGraph, "--api-permissions", $"{directoryReadWriteAll}=Role");
        await az.RunAsync("ad", "app", "permission", "admin-consent", "--id", appId);
        var grants = await az.JsonAsync("ad", "app", "permission", "list-grants", "--id", appId);
        var servicePrincipal = await az.JsonAsync("ad", "sp", "show", "--id", appId);
        var users = await az.JsonAsync("rest", "--method", "get", "--url", "https://graph.microsoft.com/v1.0/users");

        var subscription = Assert.Single(subscriptions.EnumerateArray());
        Assert.Equal(TokenServiceFixture.TenantId, subscription.GetProperty("tenantId").GetString());
        Assert.Equal("myCoolInstance", app.GetProperty("displayName").GetString());
        Assert.Equal(appId, credential.GetProperty("appId").GetString());
        Assert.Equal(TokenServiceFixture.TenantId, credential.GetProperty("tenant").GetString());
        var grant = Assert.Single(grants.EnumerateArray());
        Assert.Equal("AllPrincipals", grant.GetProperty("consentType").GetString());
        Assert.Contains("Calendars.ReadWrite", grant.GetProperty("scope").GetString()!.Split(' '));
        Assert.Equal(appId, servicePrincipal.GetProperty("appId").GetString());
        Assert.Equal("myCoolInstance", servicePrincipal.GetProperty("displayName").GetString());
        Assert.NotEmpty(users.GetProperty("value").EnumerateArray());

        var token = await gatehouse.ClientCredentialsTokenAsync(appId, credential.GetProperty("password").GetString()!,
            "https://graph.windows.net/.default");
        Assert.Contains("Directory.ReadWrite.All", Jwt.Payload(token).GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    private static async Task<string> PermissionIdAsync(AzureCli az, string api, string collection, string value)
    {
        var permissions = await az.JsonAsync("ad", "sp", "show", "--id", api, "--query", $"{collection}[?value=='{value}'].id");
        return Assert.Single(permissions.EnumerateArray()).GetString()!;
    }
}
