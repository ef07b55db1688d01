using System.Net;
using System.Text.Json;
using Gatehouse.Tests.Graph;
using Gatehouse.Tests.Infrastructure;
using Gatehouse.Tests.ManagedIdentities;

namespace Gatehouse.Tests.Logs;

/// <summary>/v1.0/auditLogs/signIns: every token request that reaches a grant, issued or refused, newest first, filtered and paged.</summary>
[Collection(GraphServers.Name)]
public sealed class SignInLogTests(GatehouseOnBothStores gatehouse)
{
    private const string GraphDefault = "https://graph.microsoft.com/.default";
    [Theory]
    [BothStores]
    public async Task A_wrong_secret_is_a_service_principal_sign_in_with_AADSTS7000215_and_a_right_one_names_the_secret(string store)
    {
        var server = await gatehouse.OnAsync(store);
        var reader = await ActivityLogReader.CreateAsync(server, "signin-reader-" + store);
        var client = await server.RegisterClientAsync("signin-secret-" + store, ("Microsoft Graph", "User.Read.All"));
        var correlation = Guid.NewGuid().ToString();

        using var refused = await PostAsync(server, ClientCredentials(client.AppId, client.Secret + "x"), correlation);
        using var issued = await PostAsync(server, ClientCredentials(client.AppId, client.Secret), null);
        var entries = await reader.WaitForAsync($"auditLogs/signIns?$filter=appId eq '{client.AppId}'", 2);

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(2, entries.Count);
        var (newest, oldest) = (entries[0], entries[1]);
        Assert.Equal(7000215, oldest.GetProperty("status").GetProperty("errorCode").GetInt32());
        Assert.Equal(client.AppId, oldest.GetProperty("appId").GetString());
        Assert.Equal(correlation, oldest.GetProperty("correlationId").GetString());
        Assert.Equal("servicePrincipal", Assert.Single(oldest.GetProperty("signInEventTypes").EnumerateArray()).GetString());
        Assert.Equal("clientSecret", oldest.GetProperty("clientCredentialType").GetString());
        Assert.Equal("127.0.0.1", oldest.GetProperty("ipAddress").GetString());
        Assert.Equal(JsonValueKind.Null, oldest.GetProperty("servicePrincipalCredentialKeyId").ValueKind);
        Assert.Equal(0, newest.GetProperty("status").GetProperty("errorCode").GetInt32());
        Assert.Equal(client.SecretKeyId, newest.GetProperty("servicePrincipalCredentialKeyId").GetString());
        Assert.Equal("Microsoft Graph", newest.GetProperty("resourceDisplayName").GetString());
        Assert.Equal("signin-secret-" + store, newest.GetProperty("appDisplayName").GetString());
        Assert.DoesNotContain(client.Secret, entries.Select(e => e.GetRawText()).Aggregate(string.Concat), StringComparison.Ordinal);
        var one = await reader.PageAsync($"auditLogs/signIns/{oldest.GetProperty("id").GetString()}");
        Assert.Equal(correlation, one.GetProperty("correlationId").GetString());
    }

    [Theory]
    [BothStores]
    public async Task A_password_sign_in_names_the_user_and_is_interactive(string store)
    {
        var server = await gatehouse.OnAsync(store);
        var reader = await ActivityLogReader.CreateAsync(server, "signin-user-reader-" + store);
        using var flow = await DelegatedSignIn.CreatePublicAsync(server, "signin-ropc-" + store, DelegatedSignIn.NativeClientRedirectUri, allowPublicClientFlows: true);

        using var signedIn = await PostAsync(server, Password(flow, flow.Password), null);
        using var wrong = await PostAsync(server, Password(flow, "not-the-password"), null);
        var byName = await reader.WaitForAsync($"auditLogs/signIns?$filter=userPrincipalName eq '{flow.Upn}'", 2);
        var userId = byName.Select(e => e.GetProperty("userId").GetString()).First(id => !string.IsNullOrEmpty(id));
        var byId = await reader.WaitForAsync($"auditLogs/signIns?$filter=userId eq '{userId}'", 1);
        var failed = await reader.WaitForAsync($"auditLogs/signIns?$filter=userPrincipalName eq '{flow.Upn}' and status/errorCode eq 50126", 1);

        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        Assert.Equal(2, byName.Count);
        var success = Assert.Single(byName, e => e.GetProperty("status").GetProperty("errorCode").GetInt32() == 0);
        Assert.True(success.GetProperty("isInteractive").GetBoolean());
        Assert.Equal(flow.Client.AppId, success.GetProperty("appId").GetString());
        Assert.Equal("interactiveUser", Assert.Single(success.GetProperty("signInEventTypes").EnumerateArray()).GetString());
        Assert.Equal(success.GetProperty("id").GetString(), Assert.Single(byId).GetProperty("id").GetString());
        Assert.Equal(flow.Upn, Assert.Single(failed).GetProperty("userPrincipalName").GetString());
        Assert.DoesNotContain("not-the-password", byName.Select(e => e.GetRawText()).Aggregate(string.Concat), StringComparison.Ordinal);
    }

    [Theory]
    [BothStores]
    public async Task The_list_is_newest_first_filtered_by_time_and_code_and_paged_with_top_and_nextLink(string store)
    {
        var server = await gatehouse.OnAsync(store);
        var reader = await ActivityLogReader.CreateAsync(server, "signin-paging-reader-" + store);
        var client = await server.RegisterClientAsync("signin-paging-" + store, ("Microsoft Graph", "User.Read.All"));
        var before = server.Clock.GetUtcNow().AddSeconds(-1).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        for (var i = 0; i < 5; i++)
        {
            using var response = await PostAsync(server, ClientCredentials(client.AppId, i % 2 == 0 ? client.Secret + "x" : client.Secret), null);
        }

        var all = await reader.WaitForAsync($"auditLogs/signIns?$filter=appId eq '{client.AppId}'", 5);
        var refused = await reader.PageAsync($"auditLogs/signIns?$filter=appId eq '{client.AppId}' and status/errorCode eq 7000215");
        var since = await reader.PageAsync($"auditLogs/signIns?$filter=appId eq '{client.AppId}' and createdDateTime ge {before}");
        var future = await reader.PageAsync($"auditLogs/signIns?$filter=appId eq '{client.AppId}' and createdDateTime ge 2999-01-01T00:00:00Z");
        var pages = new List<List<string>>();
        string? next = $"auditLogs/signIns?$filter=appId eq '{client.AppId}'&$top=2";
        while (next is not null && pages.Count < 5)
        {
            var page = await reader.PageAsync(next);
            pages.Add([.. page.GetProperty("value").EnumerateArray().Select(e => e.GetProperty("id").GetString()!)]);
            next = page.TryGetProperty("@odata.nextLink", out var link) ? link.GetString() : null;
        }

        Assert.Equal(5, all.Count);
        var times = all.Select(e => e.GetProperty("createdDateTime").GetDateTimeOffset()).ToList();
        Assert.Equal(times.OrderByDescending(t => t), times);
        Assert.Equal(3, refused.GetProperty("value").GetArrayLength());
        Assert.Equal(5, since.GetProperty("value").GetArrayLength());
        Assert.Equal(0, future.GetProperty("value").GetArrayLength());
        Assert.Equal("2,2,1", string.Join(',', pages.Select(p => p.Count)));
        Assert.Equal(all.Select(e => e.GetProperty("id").GetString()!), pages.SelectMany(p => p));
    }

    [Theory]
    [BothStores]
    public async Task A_managed_identitys_token_issued_or_refused_is_a_managed_identity_sign_in(string store)
    {
        var server = await gatehouse.OnAsync(store);
        var reader = await ActivityLogReader.CreateAsync(server, "signin-mi-reader-" + store);
        var identity = await server.CreateIdentityAsync("signin-mi", userAssigned: true, graphPermissions: "User.Read.All");

        using var issued = await server.ImdsAsync($"client_id={identity.ClientId}&resource=https://graph.microsoft.com");
        using var refused = await server.ImdsAsync($"client_id={identity.ClientId}&resource=https://unknown.example");
        var entries = await reader.WaitForAsync($"auditLogs/signIns?$filter=appId eq '{identity.ClientId}'", 2);

        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e => Assert.Equal("managedIdentity", Assert.Single(e.GetProperty("signInEventTypes").EnumerateArray()).GetString()));
        Assert.All(entries, e => Assert.Equal(identity.PrincipalId, e.GetProperty("servicePrincipalId").GetString()));
        Assert.Equal([500011, 0], entries.Select(e => e.GetProperty("status").GetProperty("errorCode").GetInt32()));
        Assert.Equal("Microsoft Graph", entries[1].GetProperty("resourceDisplayName").GetString());
    }

    [Theory]
    [BothStores]
    public async Task Without_AuditLog_Read_All_the_logs_are_403(string store)
    {
        var server = await gatehouse.OnAsync(store);
        var token = await server.AppTokenAsync(await server.RegisterClientAsync("signin-no-audit-" + store, ("Microsoft Graph", "User.Read.All")));
        using var http = server.RawGraph(token);

        using var signIns = await http.GetAsync(new Uri("auditLogs/signIns", UriKind.Relative), TestContext.Current.CancellationToken);
        using var audits = await http.GetAsync(new Uri("auditLogs/directoryAudits", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, signIns.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, audits.StatusCode);
        Assert.Contains("Authorization_RequestDenied", await signIns.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    internal static Dictionary<string, string> ClientCredentials(string appId, string secret) => new()
    {
        ["grant_type"] = "client_credentials",
        ["client_id"] = appId,
        ["client_secret"] = secret,
        ["scope"] = GraphDefault,
    };

    private static Dictionary<string, string> Password(DelegatedSignIn flow, string password) => new()
    {
        ["grant_type"] = "password",
        ["client_id"] = flow.Client.AppId,
        ["username"] = flow.Upn,
        ["password"] = password,
        ["scope"] = "User.Read openid profile",
    };

    private static async Task<HttpResponseMessage> PostAsync(TokenServiceFixture server, Dictionary<string, string> form, string? correlationId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/{TokenServiceFixture.TenantId}/oauth2/v2.0/token", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(form),
        };
        if (correlationId is not null)
        {
            request.Headers.Add("client-request-id", correlationId);
        }

        return await server.Http.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
