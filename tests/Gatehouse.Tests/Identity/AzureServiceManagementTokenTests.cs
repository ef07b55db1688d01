using Gatehouse.Data;
using Gatehouse.DirectoryObjects.ServicePrincipals;
using Gatehouse.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gatehouse.Tests.Identity;

/// <summary>Azure Resource Manager's audience, the Windows Azure Service Management API, as the Azure CLI asks for it; and the first-party APIs and clients a newer catalogue adds to an older store.</summary>
public sealed class AzureServiceManagementTokenTests(TokenServiceFixture gatehouse) : IClassFixture<TokenServiceFixture>
{
    private static readonly Guid ServiceManagementAppId = new("797f4846-ba00-4fd7-ba43-dac1f8f63013");

    private static readonly Guid PortalAppId = new("74658136-14ec-4630-ad9b-26e160ff0fc6");
    private static readonly Guid AzureCliAppId = new("04b07795-8ddb-461a-bbee-02f9e1bf7b46");

    [Theory]
    [InlineData("https://management.core.windows.net//.default", "https://management.core.windows.net/")]
    [InlineData("https://management.azure.com/.default", "https://management.azure.com")]
    [InlineData("797f4846-ba00-4fd7-ba43-dac1f8f63013/.default", "797f4846-ba00-4fd7-ba43-dac1f8f63013")]
    public async Task Msal_client_credentials_get_a_v1_token_whose_audience_is_the_management_resource_as_asked(string scope, string audience)
    {
        var client = await gatehouse.RegisterClientAsync("arm-" + audience.Length);

        var result = await gatehouse.Msal(client).AcquireTokenForClient([scope]).ExecuteAsync(TestContext.Current.CancellationToken);

        var claims = Jwt.Payload(result.AccessToken);
        Assert.Equal(audience, claims.GetProperty("aud").GetString());
        Assert.Equal("1.0", claims.GetProperty("ver").GetString());
        Assert.Equal(client.AppId, claims.GetProperty("appid").GetString());
        Assert.False(claims.TryGetProperty("roles", out _));
    }

    [Fact]
    public async Task The_management_API_has_a_service_principal_and_takes_delegated_user_impersonation()
    {
        var client = await gatehouse.RegisterClientAsync("arm-delegated");

        var added = await GatehouseCli.JsonAsync(gatehouse.Store, "app", "permission", "add", "--app", client.AppId,
            "--api", "https://management.azure.com/", "--permission", "user_impersonation", "--type", "Delegated");

        Assert.Contains(ServiceManagementAppId.ToString(), added.GetRawText(), StringComparison.OrdinalIgnoreCase);
        await using var harness = await DirectoryHarness.OpenAsync(gatehouse.Store);
        var servicePrincipal = await harness.RunAsync(services => services.GetRequiredService<ServicePrincipalDirectory>()
            .FindByAppIdAsync(harness.Tenant.Id, ServiceManagementAppId, TestContext.Current.CancellationToken));
        Assert.Equal("Windows Azure Service Management API", servicePrincipal?.DisplayName);
    }

    [Theory]
    [BothStores]
    public async Task A_store_made_before_the_management_and_portal_APIs_and_the_Azure_CLI_joined_gets_their_service_principals_at_the_next_start(string store)
    {
        using var testStore = TestStore.Create(store);
        var tenantId = Guid.Parse(TokenServiceFixture.TenantId);
        await using (var before = await DirectoryHarness.CreateAsync(testStore, tenantId))
        {
            await before.RunAsync(services => services.GetRequiredService<GatehouseDb>().ServicePrincipals
                .Where(sp => sp.AppId == ServiceManagementAppId || sp.AppId == PortalAppId || sp.AppId == AzureCliAppId).ExecuteDeleteAsync(TestContext.Current.CancellationToken));
        }

        await (await InProcessGatehouse.StartAsync(testStore)).DisposeAsync();

        await using var after = await DirectoryHarness.OpenAsync(testStore);
        var (management, portal, azureCli) = await after.RunAsync(async services =>
        {
            var directory = services.GetRequiredService<ServicePrincipalDirectory>();
            return (await directory.FindByAppIdAsync(tenantId, ServiceManagementAppId, TestContext.Current.CancellationToken),
                await directory.FindByAppIdAsync(tenantId, PortalAppId, TestContext.Current.CancellationToken),
                await directory.FindByAppIdAsync(tenantId, AzureCliAppId, TestContext.Current.CancellationToken));
        });
        Assert.Equal("Windows Azure Service Management API", management?.DisplayName);
        Assert.Equal("ADIbizaUX", portal?.DisplayName);
        Assert.Equal("Microsoft Azure CLI", azureCli?.DisplayName);
        Assert.Equal(Guid.Parse("f8cdef31-a31e-4b4a-93e4-5f571e91255a"), management?.AppOwnerOrganizationId);
        Assert.Equal(Guid.Parse("f8cdef31-a31e-4b4a-93e4-5f571e91255a"), portal?.AppOwnerOrganizationId);
        Assert.Equal(Guid.Parse("f8cdef31-a31e-4b4a-93e4-5f571e91255a"), azureCli?.AppOwnerOrganizationId);
    }
}
