using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Gatehouse.Tests.Infrastructure;

/// <summary>
/// Raw HTTP against the Dataverse Web API at /api/data/v9.2/ with a bearer token from MSAL.NET (app-only) or from
/// the authorization-code flow (delegated), sending the headers Dataverse's samples send.
/// </summary>
internal sealed class DataverseClient(TokenServiceFixture gatehouse, string accessToken, Guid? systemUserId = null) : IDisposable
{
    public const string Resource = "https://contoso.crm.dynamics.com";

    private readonly HttpClient http = gatehouse.Server.CreateClient();

    /// <summary>An app-only token through MSAL.NET's client credentials for {environment}/.default.</summary>
    public static async Task<DataverseClient> AppOnlyAsync(TokenServiceFixture gatehouse, RegisteredClient client)
    {
        var result = await gatehouse.Msal(client).AcquireTokenForClient([$"{Resource}/.default"]).ExecuteAsync(TestContext.Current.CancellationToken);
        return new DataverseClient(gatehouse, result.AccessToken);
    }

    /// <summary>A registered app made an application user with the role, and a client acting as it.</summary>
    public static async Task<DataverseClient> ApplicationUserAsync(TokenServiceFixture gatehouse, string name, string role)
    {
        var client = await gatehouse.RegisterClientAsync(name);
        var user = await GatehouseCli.JsonAsync(gatehouse.Store, "dataverse", "app-user", "add", "--app", client.AppId, "--role", role);
        var result = await gatehouse.Msal(client).AcquireTokenForClient([$"{Resource}/.default"]).ExecuteAsync(TestContext.Current.CancellationToken);
        return new DataverseClient(gatehouse, result.AccessToken, user.GetProperty("systemuserid").GetGuid());
    }

    /// <summary>A new directory user signed in through an app consented for Dynamics CRM's user_impersonation.</summary>
    public static async Task<DataverseClient> DelegatedAsync(TokenServiceFixture gatehouse, string name)
    {
        using var flow = await DelegatedSignIn.CreateAsync(gatehouse, name);
        await GatehouseCli.JsonAsync(gatehouse.Store, "app", "permission", "add", "--app", flow.Client.AppId, "--api", "Dynamics CRM", "--permission", "user_impersonation", "--type", "Delegated");
        await GatehouseCli.JsonAsync(gatehouse.Store, "app", "consent", "--app", flow.Client.AppId);
        var (verifier, challenge) = DelegatedSignIn.NewPkce();
        var authorized = await flow.AuthorizeAsync(flow.AuthorizeUrl(challenge, scope: $"openid {Resource}/user_impersonation"));
        var code = DelegatedSignIn.Query(authorized.Headers.Location!)["code"];
        using var redeemed = await flow.RedeemAsync(code, verifier);
        var body = await redeemed.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        return new DataverseClient(gatehouse, body.GetProperty("access_token").GetString()!);
    }

    public string AccessToken => accessToken;

    /// <summary>The application user's system user ID, as `dataverse app-user add` printed it.</summary>
    public Guid SystemUserId => systemUserId ?? throw new InvalidOperationException("Not an application user made by the test.");

    public Task<HttpResponseMessage> GetAsync(string path, params (string Name, string Value)[] headers) => SendAsync(HttpMethod.Get, path, null, headers);

    public Task<HttpResponseMessage> PostAsync(string path, object body, params (string Name, string Value)[] headers) => SendAsync(HttpMethod.Post, path, body, headers);

    public Task<HttpResponseMessage> PatchAsync(string path, object body, params (string Name, string Value)[] headers) => SendAsync(HttpMethod.Patch, path, body, headers);

    public Task<HttpResponseMessage> DeleteAsync(string path, params (string Name, string Value)[] headers) => SendAsync(HttpMethod.Delete, path, null, headers);

    /// <summary>Creates a row and returns its ID from the OData-EntityId header.</summary>
    public async Task<Guid> CreateAsync(string entitySet, object body)
    {
        using var response = await PostAsync(entitySet, body);
        Assert.Equal(System.Net.HttpStatusCode.NoContent, response.StatusCode);
        var entityId = response.Headers.GetValues("OData-EntityId").Single();
        return Guid.Parse(entityId[(entityId.LastIndexOf('(') + 1)..^1]);
    }

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body, params (string Name, string Value)[] headers) =>
        SendContentAsync(method, path, body is null ? null : JsonContent.Create(body), headers);

    /// <summary>Sends <paramref name="content"/> as it is (a $batch's multipart body, say).</summary>
    public async Task<HttpResponseMessage> SendContentAsync(HttpMethod method, string path, HttpContent? content, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(method, new Uri(path.StartsWith("https://", StringComparison.Ordinal) ? path : $"/api/data/v9.2/{path}", UriKind.RelativeOrAbsolute));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.Add("OData-MaxVersion", "4.0");
        request.Headers.Add("OData-Version", "4.0");
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        request.Content = content;
        return await http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);

    /// <summary>Asserts a Dataverse error: the status and the hex code of its {"error":{"code","message"}} body.</summary>
    public static async Task AssertErrorAsync(HttpResponseMessage response, System.Net.HttpStatusCode status, string code)
    {
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == status, $"Expected {status}, got {response.StatusCode}: {body}");
        var error = JsonDocument.Parse(body).RootElement.GetProperty("error");
        Assert.Equal(code, error.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
    }

    public void Dispose() => http.Dispose();
}
