using System.Net;
using Gatehouse.Tests.Infrastructure;

namespace Gatehouse.Tests.Dataverse;

/// <summary>A single-page app on its own origin calls the Web API with a bearer token, as Dataverse's CORS support allows.</summary>
public sealed class DataverseCrossOriginTests(GatehouseOnBothStores servers) : IClassFixture<GatehouseOnBothStores>
{
    /// <summary>What Dataverse's SPA sample sends with fetch, as a browser lists them in a preflight.</summary>
    private const string SpaHeaders = "authorization,content-type,if-match,odata-maxversion,odata-version,prefer";

    [Theory]
    [InlineData("accounts", "POST")]
    [InlineData("accounts(00000000-0000-0000-0000-000000000001)", "PATCH")]
    [InlineData("accounts(00000000-0000-0000-0000-000000000001)", "DELETE")]
    [InlineData("WhoAmI", "GET")]
    [InlineData("$batch", "POST")]
    public async Task A_preflight_from_any_origin_is_allowed_without_a_token(string path, string method)
    {
        var gatehouse = await servers.OnAsync("sqlite");
        using var http = gatehouse.Server.CreateClient();

        using var response = await http.SendAsync(CrossOrigin.Preflight("/api/data/v9.2/" + path, method, SpaHeaders), TestContext.Current.CancellationToken);

        CrossOrigin.AssertPreflightAllowed(response, SpaHeaders);
    }

    [Theory]
    [BothStores]
    public async Task A_row_created_from_another_origin_exposes_its_OData_EntityId(string kind)
    {
        var gatehouse = await servers.OnAsync(kind);
        using var client = await DataverseClient.ApplicationUserAsync(gatehouse, "spa-writer", "System Administrator");

        using var created = await client.PostAsync("accounts", new { name = "Made in a browser" }, ("Origin", CrossOrigin.SpaOrigin));

        Assert.Equal(HttpStatusCode.NoContent, created.StatusCode);
        CrossOrigin.AssertReadable(created, "OData-EntityId", "OData-Version", "ETag", "Preference-Applied");
        Assert.StartsWith("https://", created.Headers.GetValues("OData-EntityId").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_call_without_a_token_from_another_origin_is_a_readable_401_and_one_without_an_origin_has_no_CORS_headers()
    {
        var gatehouse = await servers.OnAsync("sqlite");
        using var anonymous = new DataverseClient(gatehouse, "");

        using var crossOrigin = await anonymous.GetAsync("WhoAmI", ("Origin", CrossOrigin.SpaOrigin));
        using var sameOrigin = await anonymous.GetAsync("WhoAmI");

        Assert.Equal(HttpStatusCode.Unauthorized, crossOrigin.StatusCode);
        CrossOrigin.AssertReadable(crossOrigin, "WWW-Authenticate");
        Assert.Equal(HttpStatusCode.Unauthorized, sameOrigin.StatusCode);
        Assert.DoesNotContain(sameOrigin.Headers, h => h.Key.StartsWith("Access-Control-", StringComparison.OrdinalIgnoreCase));
    }
}
