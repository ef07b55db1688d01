using System.Security.Cryptography.X509Certificates;
using Gatehouse.Tests.Infrastructure;
using Gatehouse.Tests.MicrosoftHosts;
using Microsoft.Identity.Client;

namespace Gatehouse.Tests.UnchangedClients;

/// <summary>
/// The Azure CLI's `az ad` commands beyond the seed story, as scripts use them: service principals made the Graph way,
/// users and groups through their lifecycle. Each command's output is what the next one reads.
/// </summary>
public sealed class AzureCliDirectoryTests(MicrosoftHostsFixture gatehouse) : IClassFixture<MicrosoftHostsFixture>
{
    [Fact]
    public async Task Apps_registered_with_az_get_their_service_principal_from_az_ad_sp_create_a_certificate_from_create_cert_and_create_for_rbac_makes_both()
    {
        using var az = await SignedInAsync("az-sp-automation");

        var app = await az.JsonAsync("ad", "app", "create", "--display-name", "orders-worker");
        var appId = app.GetProperty("appId").GetString()!;
        var before = await az.JsonAsync("ad", "sp", "list", "--filter", $"appId eq '{appId}'");
        await az.RunAsync("ad", "app", "update", "--id", appId, "--enable-id-token-issuance", "true", "--set", "notes=Deploys orders");
        var updated = await az.JsonAsync("ad", "app", "show", "--id", appId);
        var servicePrincipal = await az.JsonAsync("ad", "sp", "create", "--id", appId);
        var again = await az.TryAsync("ad", "sp", "create", "--id", appId);
        var certificateReset = await az.JsonAsync("ad", "app", "credential", "reset", "--id", appId, "--create-cert", "--append");
        var certificates = await az.JsonAsync("ad", "app", "credential", "list", "--id", appId, "--cert");
        using var certificate = X509Certificate2.CreateFromPemFile(certificateReset.GetProperty("fileWithCertAndPrivateKey").GetString()!);
        using var factory = new TrustingMsalHttpClientFactory(gatehouse.ProxiedHandler());
        var byCertificate = await ConfidentialClientApplicationBuilder.Create(appId)
            .WithAuthority(AzureCloudInstance.AzurePublic, TokenServiceFixture.TenantId)
            .WithCertificate(certificate).WithHttpClientFactory(factory).Build()
            .AcquireTokenForClient(["https://graph.microsoft.com/.default"]).ExecuteAsync(TestContext.Current.CancellationToken);
        var rbac = await az.JsonAsync("ad", "sp", "create-for-rbac", "--name", "orders-deployer", "--skip-assignment");
        var rbacPrincipal = await az.JsonAsync("ad", "sp", "show", "--id", rbac.GetProperty("appId").GetString()!);
        await az.RunAsync("ad", "sp", "delete", "--id", appId);
        await az.RunAsync("ad", "app", "delete", "--id", appId);
        var gone = await az.JsonAsync("ad", "app", "list", "--app-id", appId);

        Assert.Empty(before.EnumerateArray());
        Assert.True(updated.GetProperty("web").GetProperty("implicitGrantSettings").GetProperty("enableIdTokenIssuance").GetBoolean());
        Assert.Equal("Deploys orders", updated.GetProperty("notes").GetString());
        Assert.Equal(appId, servicePrincipal.GetProperty("appId").GetString());
        Assert.NotEqual(0, again.ExitCode);
        Assert.Contains("already", again.Error, StringComparison.OrdinalIgnoreCase);
        Assert.Single(certificates.EnumerateArray());
        Assert.Equal(appId, Jwt.Payload(byCertificate.AccessToken).GetProperty("appid").GetString());
        Assert.Equal(TokenServiceFixture.TenantId, rbac.GetProperty("tenant").GetString());
        Assert.Equal("orders-deployer", rbacPrincipal.GetProperty("displayName").GetString());
        var token = await gatehouse.ClientCredentialsTokenAsync(rbac.GetProperty("appId").GetString()!,
            rbac.GetProperty("password").GetString()!, "https://management.azure.com/.default");
        Assert.Equal(rbacPrincipal.GetProperty("id").GetString(), Jwt.Payload(token).GetProperty("oid").GetString());
        Assert.Empty(gone.EnumerateArray());
    }

    [Fact]
    public async Task Users_and_groups_go_through_their_lifecycle_with_az_ad_user_and_az_ad_group()
    {
        using var az = await SignedInAsync("az-people-automation");
        const string Upn = "grace.hopper@contoso.onmicrosoft.com";

        var user = await az.JsonAsync("ad", "user", "create", "--display-name", "Grace Hopper", "--user-principal-name", Upn,
            "--password", "Cobol-1959-Navy!");
        var userId = user.GetProperty("id").GetString()!;
        await az.RunAsync("ad", "user", "update", "--id", Upn, "--display-name", "Rear Admiral Grace Hopper");
        var found = await az.JsonAsync("ad", "user", "list", "--filter", "startswith(displayName,'Rear Admiral')");
        var group = await az.JsonAsync("ad", "group", "create", "--display-name", "Compiler pioneers", "--mail-nickname", "compilers");
        await az.RunAsync("ad", "group", "member", "add", "--group", "Compiler pioneers", "--member-id", userId);
        await az.RunAsync("ad", "group", "owner", "add", "--group", "Compiler pioneers", "--owner-object-id", userId);
        var members = await az.JsonAsync("ad", "group", "member", "list", "--group", "Compiler pioneers");
        var owners = await az.JsonAsync("ad", "group", "owner", "list", "--group", "Compiler pioneers");
        var memberOf = await az.JsonAsync("ad", "user", "get-member-groups", "--id", Upn);
        var check = await az.JsonAsync("ad", "group", "member", "check", "--group", "Compiler pioneers", "--member-id", userId);
        await az.RunAsync("ad", "group", "member", "remove", "--group", "Compiler pioneers", "--member-id", userId);
        var afterRemoval = await az.JsonAsync("ad", "group", "member", "list", "--group", "Compiler pioneers");
        await az.RunAsync("ad", "group", "delete", "--group", "Compiler pioneers");
        await az.RunAsync("ad", "user", "delete", "--id", Upn);
        var groupsLeft = await az.JsonAsync("ad", "group", "list", "--display-name", "Compiler pioneers");
        var usersLeft = await az.JsonAsync("ad", "user", "list", "--upn", Upn);

        Assert.Equal(Upn, user.GetProperty("userPrincipalName").GetString());
        Assert.Equal(userId, Assert.Single(found.EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal("compilers", group.GetProperty("mailNickname").GetString());
        Assert.Equal(userId, Assert.Single(members.EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal(userId, Assert.Single(owners.EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal(group.GetProperty("id").GetString(), Assert.Single(memberOf.EnumerateArray()).GetProperty("id").GetString());
        Assert.True(check.GetProperty("value").GetBoolean());
        Assert.Empty(afterRemoval.EnumerateArray());
        Assert.Empty(groupsLeft.EnumerateArray());
        Assert.Empty(usersLeft.EnumerateArray());
    }

    private async Task<AzureCli> SignedInAsync(string automationName)
    {
        var automation = await gatehouse.Gatehouse.RegisterClientAsync(automationName,
            ("Microsoft Graph", "Application.ReadWrite.All"), ("Microsoft Graph", "User.ReadWrite.All"), ("Microsoft Graph", "Group.ReadWrite.All"),
            ("Microsoft Graph", "Directory.Read.All"));
        var az = new AzureCli(gatehouse.ProcessEnvironment());
        await az.RunAsync("login", "--service-principal", "-u", automation.AppId, "-p", automation.Secret, "--tenant", TokenServiceFixture.TenantId);
        return az;
    }
}
