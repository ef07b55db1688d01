using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Gatehouse.Tests.Infrastructure;
using Microsoft.Identity.Client;

namespace Gatehouse.Tests.Graph;

/// <summary>What `az ad` sends to Graph: empty credential arrays on create, certificates by PATCH, and Gatehouse's own URL as the Graph resource in a custom cloud.</summary>
[Collection(GraphServers.Name)]
public sealed class AzureCliGraphTests(GatehouseOnBothStores gatehouse)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [BothStores]
    public async Task An_application_posted_with_empty_credential_arrays_is_created_as_az_ad_app_create_expects(string store)
    {
        var server = await gatehouse.OnAsync(store);
        using var graph = server.RawGraph(await server.AppTokenAsync(await server.RegisterClientAsync("az-app-create-" + store, ("Microsoft Graph", "Application.ReadWrite.All"))));

        using var created = await graph.PostAsJsonAsync("applications", new { displayName = "az-created " + store, keyCredentials = Array.Empty<object>(), passwordCredentials = Array.Empty<object>() }, Cancel);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = JsonDocument.Parse(await created.Content.ReadAsStringAsync(Cancel)).RootElement;
        Assert.Equal("az-created " + store, body.GetProperty("displayName").GetString());
        Assert.Equal(0, body.GetProperty("passwordCredentials").GetArrayLength());
    }

    [Fact]
    public async Task An_application_posted_with_a_secret_in_passwordCredentials_is_still_refused()
    {
        var server = await gatehouse.OnAsync(StoreTrait.Sqlite);
        using var graph = server.RawGraph(await server.AppTokenAsync(await server.RegisterClientAsync("az-app-secret", ("Microsoft Graph", "Application.ReadWrite.All"))));

        using var refused = await graph.PostAsJsonAsync("applications", new { displayName = "with a secret", passwordCredentials = new[] { new { displayName = "s" } } }, Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("addPassword", await refused.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    [Theory]
    [BothStores]
    public async Task PATCH_keyCredentials_adds_a_certificate_that_signs_in_keeps_those_named_by_keyId_and_removes_the_rest(string store)
    {
        var server = await gatehouse.OnAsync(store);
        using var graph = server.RawGraph(await server.AppTokenAsync(await server.RegisterClientAsync("az-cert-admin-" + store, ("Microsoft Graph", "Application.ReadWrite.All"))));
        var target = await server.RegisterClientAsync("az-cert-target-" + store);
        using var kept = await server.AddCertificateAsync(target.AppId);
        using var removed = await server.AddCertificateAsync(target.AppId);
        using var added = TestCertificates.CreateCurrent("CN=az-created-cert");
        var before = await KeyIdsAsync(graph, target.AppId);
        var keptId = before.Single(k => k.Thumbprint == Convert.ToBase64String(kept.GetCertHash())).KeyId;

        using var patched = await graph.PatchAsJsonAsync($"applications(appId='{target.AppId}')", new
        {
            keyCredentials = new object[]
            {
                new { keyId = keptId },
                new { type = "AsymmetricX509Cert", usage = "Verify", key = Convert.ToBase64String(added.RawData), displayName = "CN=az-created-cert" },
            },
        }, Cancel);
        var after = await KeyIdsAsync(graph, target.AppId);
        var token = await ConfidentialClientApplicationBuilder.Create(target.AppId)
            .WithAuthority(server.Authority, validateAuthority: false).WithInstanceDiscovery(false)
            .WithCertificate(added).WithHttpClientFactory(new TrustingMsalHttpClientFactory(server.TrustingHandler())).Build()
            .AcquireTokenForClient(["https://graph.microsoft.com/.default"]).ExecuteAsync(Cancel);

        Assert.Equal(HttpStatusCode.NoContent, patched.StatusCode);
        Assert.Equal(2, before.Count);
        Assert.Equal(2, after.Count);
        Assert.Contains(after, k => k.KeyId == keptId);
        Assert.Contains(after, k => k.Thumbprint == Convert.ToBase64String(added.GetCertHash()));
        Assert.DoesNotContain(after, k => k.Thumbprint == Convert.ToBase64String(removed.GetCertHash()));
        Assert.Equal(target.AppId, Jwt.Payload(token.AccessToken).GetProperty("appid").GetString());
    }

    [Fact]
    public async Task PATCH_keyCredentials_with_a_private_key_an_unknown_keyId_or_a_secret_is_refused_and_changes_nothing()
    {
        var server = await gatehouse.OnAsync(StoreTrait.Sqlite);
        using var graph = server.RawGraph(await server.AppTokenAsync(await server.RegisterClientAsync("az-cert-refusals", ("Microsoft Graph", "Application.ReadWrite.All"))));
        var target = await server.RegisterClientAsync("az-cert-refused-target");
        using var certificate = await server.AddCertificateAsync(target.AppId);
        var before = await KeyIdsAsync(graph, target.AppId);
        object[] refusedBodies =
        [
            new { keyCredentials = new[] { new { type = "AsymmetricX509Cert", usage = "Verify", key = Convert.ToBase64String(certificate.Export(X509ContentType.Pfx)) } } },
            new { keyCredentials = new[] { new { keyId = Guid.NewGuid() } } },
            new { keyCredentials = new[] { new { type = "Symmetric", usage = "Sign", key = "AAAA" } } },
            new { keyCredentials = "not a list" },
            new { passwordCredentials = new[] { new { displayName = "s" } } },
        ];

        foreach (var body in refusedBodies)
        {
            using var refused = await graph.PatchAsJsonAsync($"applications(appId='{target.AppId}')", body, Cancel);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        }

        Assert.Equal(before, await KeyIdsAsync(graph, target.AppId));
    }

    [Theory]
    [BothStores]
    public async Task PATCH_web_implicitGrantSettings_turns_ID_tokens_and_access_tokens_from_the_authorize_endpoint_on_and_off(string store)
    {
        var server = await gatehouse.OnAsync(store);
        using var graph = server.RawGraph(await server.AppTokenAsync(await server.RegisterClientAsync("az-implicit-admin-" + store, ("Microsoft Graph", "Application.ReadWrite.All"))));
        using var flow = await DelegatedSignIn.CreateAsync(server, "az-implicit-target", consent: true);
        var path = $"applications(appId='{flow.Client.AppId}')";
        string Asking(string responseType) => flow.AuthorizeUrl(null).Replace("response_type=code", "response_type=" + responseType, StringComparison.Ordinal);
        var idTokensBefore = DelegatedSignIn.Fragment((await flow.GetAsync(Asking("id_token"))).Headers.Location!);
        var accessTokensBefore = DelegatedSignIn.Fragment((await flow.GetAsync(Asking("token"))).Headers.Location!);

        using var turnedOn = await graph.PatchAsJsonAsync(
            path, new { web = new { implicitGrantSettings = new { enableIdTokenIssuance = true, enableAccessTokenIssuance = true } } }, Cancel);
        var on = JsonDocument.Parse(await graph.GetStringAsync(path, Cancel)).RootElement.GetProperty("web").GetProperty("implicitGrantSettings");
        var both = DelegatedSignIn.Fragment((await flow.AuthorizeAsync(Asking("id_token%20token"))).Headers.Location!);
        using var accessTokensOff = await graph.PatchAsJsonAsync(path, new { web = new { implicitGrantSettings = new { enableAccessTokenIssuance = false } } }, Cancel);
        var off = JsonDocument.Parse(await graph.GetStringAsync(path, Cancel)).RootElement.GetProperty("web").GetProperty("implicitGrantSettings");
        var accessTokensAfter = DelegatedSignIn.Fragment((await flow.GetAsync(Asking("token"))).Headers.Location!);

        Assert.Equal(("700054", "700051"), (idTokensBefore["error_codes"], accessTokensBefore["error_codes"]));
        Assert.Equal((HttpStatusCode.NoContent, HttpStatusCode.NoContent), (turnedOn.StatusCode, accessTokensOff.StatusCode));
        Assert.True(on.GetProperty("enableIdTokenIssuance").GetBoolean());
        Assert.True(on.GetProperty("enableAccessTokenIssuance").GetBoolean());
        Assert.Equal(flow.Client.AppId, Jwt.Payload(both["id_token"]).GetProperty("aud").GetString());
        Assert.Equal("Bearer", both["token_type"]);
        Assert.True(off.GetProperty("enableIdTokenIssuance").GetBoolean());
        Assert.False(off.GetProperty("enableAccessTokenIssuance").GetBoolean());
        Assert.Equal("700051", accessTokensAfter["error_codes"]);
    }

    private static async Task<List<(Guid KeyId, string Thumbprint)>> KeyIdsAsync(HttpClient graph, string appId)
    {
        var app = JsonDocument.Parse(await graph.GetStringAsync($"applications(appId='{appId}')", Cancel)).RootElement;
        return [.. app.GetProperty("keyCredentials").EnumerateArray()
            .Select(k => (k.GetProperty("keyId").GetGuid(), k.GetProperty("customKeyIdentifier").GetString()!))];
    }

    [Theory]
    [InlineData("/.default")]
    [InlineData("//.default")]
    public async Task Gatehouses_own_url_as_the_Graph_resource_gets_a_token_Graph_accepts(string suffix)
    {
        var server = await gatehouse.OnAsync(StoreTrait.Sqlite);
        var client = await server.RegisterClientAsync("az-custom-cloud" + suffix.Length, ("Microsoft Graph", "Application.Read.All"));

        var result = await server.Msal(client).AcquireTokenForClient([server.BaseUrl + suffix]).ExecuteAsync(Cancel);
        using var graph = server.RawGraph(result.AccessToken);
        using var listed = await graph.GetAsync("servicePrincipals?$top=1", Cancel);

        Assert.Equal(server.BaseUrl + suffix[..^"/.default".Length], Jwt.Payload(result.AccessToken).GetProperty("aud").GetString());
        Assert.Equal(["Application.Read.All"], Jwt.Payload(result.AccessToken).GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
    }

    [Theory]
    [BothStores]
    public async Task Service_principals_filtered_by_servicePrincipalNames_any_are_found_by_appId_identifier_URI_and_first_party_URL(string store)
    {
        var server = await gatehouse.OnAsync(store);
        using var graph = server.RawGraph(await server.AppTokenAsync(await server.RegisterClientAsync("az-sp-reader-" + store, ("Microsoft Graph", "Application.Read.All"))));
        var target = await server.RegisterClientAsync("az-sp-target-" + store);
        var identifierUri = $"api://az-sp-target-{store}";
        await GatehouseCli.JsonAsync(server.Store, "app", "api", "set", "--app", target.AppId, "--identifier-uri", identifierUri);

        var byAppId = await AppIdsNamedAsync(graph, target.AppId);
        var byIdentifierUri = await AppIdsNamedAsync(graph, identifierUri);
        var byManagementUrl = await AppIdsNamedAsync(graph, "https://management.core.windows.net/");
        var byUnknownName = await AppIdsNamedAsync(graph, "api://nobody-has-this");
        var byPrefix = await AppIdsAsync(graph, "servicePrincipalNames/any(c:startswith(c,'https://management.core.'))");

        Assert.Equal([target.AppId], byAppId);
        Assert.Equal([target.AppId], byIdentifierUri);
        Assert.Equal(["797f4846-ba00-4fd7-ba43-dac1f8f63013"], byManagementUrl);
        Assert.Empty(byUnknownName);
        Assert.Equal(["797f4846-ba00-4fd7-ba43-dac1f8f63013"], byPrefix);
    }

    [Theory]
    [InlineData("servicePrincipalNames/any(c:c eq)")]
    [InlineData("servicePrincipalNames/any(c:d eq 'x')")]
    [InlineData("servicePrincipalNames/any(c:c eq 'x'")]
    [InlineData("servicePrincipalNames/any(c:c gt 'x')")]
    public async Task A_malformed_or_unsupported_any_over_servicePrincipalNames_is_Graphs_400(string filter)
    {
        var server = await gatehouse.OnAsync(StoreTrait.Sqlite);
        using var graph = server.RawGraph(await server.AppTokenAsync(await server.RegisterClientAsync("az-sp-bad-filter" + filter.Length, ("Microsoft Graph", "Application.Read.All"))));

        using var response = await graph.GetAsync("servicePrincipals?$filter=" + Uri.EscapeDataString(filter), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(string.IsNullOrEmpty(JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement.GetProperty("error").GetProperty("code").GetString()));
    }

    private static Task<string[]> AppIdsNamedAsync(HttpClient graph, string name) =>
        AppIdsAsync(graph, $"servicePrincipalNames/any(c:c eq '{name}')");

    private static async Task<string[]> AppIdsAsync(HttpClient graph, string filter)
    {
        using var response = await graph.GetAsync("servicePrincipals?$filter=" + Uri.EscapeDataString(filter), Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement;
        return [.. body.GetProperty("value").EnumerateArray().Select(sp => sp.GetProperty("appId").GetString()!)];
    }
}
