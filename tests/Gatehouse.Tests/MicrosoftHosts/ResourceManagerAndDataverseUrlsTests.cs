using System.Net;
using Gatehouse.Tests.Infrastructure;
using static Gatehouse.Tests.MicrosoftHosts.UnderMicrosoftHostUrls;

namespace Gatehouse.Tests.MicrosoftHosts;

/// <summary>
/// Resource Manager and Dataverse under their Microsoft hosts challenge with Microsoft's authority
/// (docs/protocol/microsoft-hosts.md §3.4); Dataverse's links name the organisation's URL the client called.
/// </summary>
public sealed class ResourceManagerAndDataverseUrlsTests(TokenServiceFixture gatehouse) : IClassFixture<TokenServiceFixture>
{
    private const string Organization = "contoso.crm.dynamics.com";

    [Fact]
    public async Task Resource_Manager_under_management_azure_com_challenges_with_login_windows_net()
    {
        using var refused = await SendAsync(gatehouse, HttpMethod.Get, "management.azure.com", "/subscriptions?api-version=2022-12-01");

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.StartsWith("Bearer authorization_uri=\"https://login.windows.net/\"", refused.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task Dataverse_under_the_organisation_host_challenges_with_login_microsoftonline_com()
    {
        using var refused = await SendAsync(gatehouse, HttpMethod.Get, Organization, "/api/data/v9.2/WhoAmI");

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.StartsWith("Bearer authorization_uri=https://login.microsoftonline.com/common/oauth2/authorize", refused.Headers.WwwAuthenticate.ToString());
        Assert.EndsWith($", resource_id=https://{Organization}/", refused.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dataverse_under_the_organisation_host_names_it_in_its_answers()
    {
        using var client = await DataverseClient.ApplicationUserAsync(gatehouse, "urls-dataverse", "System Administrator");

        var whoAmI = await GetJsonAsync(gatehouse, Organization, "/api/data/v9.2/WhoAmI", client.AccessToken);

        Assert.Equal("https://contoso.crm.dynamics.com/api/data/v9.2/$metadata#Microsoft.Dynamics.CRM.WhoAmIResponse", whoAmI.GetProperty("@odata.context").GetString());
    }
}
