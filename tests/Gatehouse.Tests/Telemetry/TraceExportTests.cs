using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Gatehouse.Tests.Infrastructure;

namespace Gatehouse.Tests.Telemetry;

/// <summary>
/// With OTEL_EXPORTER_OTLP_ENDPOINT set, the server's spans reach an OTLP collector: the token service's (grant type,
/// client, tenant, and the AADSTS code of a refusal), Graph's, Dataverse's, ASP.NET Core's and the store's, under the
/// service name OTEL_SERVICE_NAME gives, and never with a secret or a token in them.
/// </summary>
[Collection(TracingServers.Name)]
public sealed class TraceExportTests
{
    private const string TokenSpan = "identity POST /{tenant}/oauth2/v2.0/token";

    [Theory]
    [BothStores]
    public async Task Token_Graph_and_Dataverse_requests_are_exported_as_spans_without_secrets(string store)
    {
        await using var collector = new OtlpReceiver();
        var serviceName = $"gatehouse-{Guid.NewGuid():N}";
        await using var gatehouse = await TokenServiceFixture.StartAsync(TestStore.Create(store), collector.Variables(serviceName));
        var client = await gatehouse.RegisterClientAsync("traced", ("Microsoft Graph", "User.Read.All"));
        var graphToken = (await gatehouse.Msal(client).AcquireTokenForClient(["https://graph.microsoft.com/.default"])
            .ExecuteAsync(TestContext.Current.CancellationToken)).AccessToken;
        using var users = new HttpRequestMessage(HttpMethod.Get, new Uri("/v1.0/users", UriKind.Relative));
        users.Headers.Authorization = new AuthenticationHeaderValue("Bearer", graphToken);
        using var listed = await gatehouse.Http.SendAsync(users, TestContext.Current.CancellationToken);
        using var dataverse = await DataverseClient.ApplicationUserAsync(gatehouse, "traced-dataverse", "System Administrator");
        using var whoAmI = await dataverse.GetAsync("WhoAmI");
        using var refused = await gatehouse.PostTokenAsync(TokenServiceFixture.TenantId,
            [new("grant_type", "client_credentials"), new("client_id", client.AppId), new("client_secret", "not-the-secret"), new("scope", "https://graph.microsoft.com/.default")]);
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, whoAmI.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);

        // An ActivityListener hears every source of its name in the process, so this server's exporter also carries the
        // spans of other in-process servers running alongside: each assertion picks this test's client.
        var spans = await collector.WaitForAsync(received =>
            received.Any(s => s.Name == TokenSpan && Of(s, client) && s.Attribute("gatehouse.identity.aadsts") is not null)
            && received.Any(g => g.Name.StartsWith("graph GET", StringComparison.Ordinal) && g.Attribute("gatehouse.graph.app") == client.AppId
                && received.Any(s => s.ParentSpanId == g.SpanId && s.Attribute("db.system") is not null))
            && received.Any(s => s.Attribute("gatehouse.dataverse.systemuser") == dataverse.SystemUserId.ToString()));

        var issued = Assert.Single(spans, s => s.Name == TokenSpan && Of(s, client) && s.Attribute("gatehouse.identity.aadsts") is null);
        Assert.Equal(serviceName, issued.ServiceName);
        Assert.Equal("client_credentials", issued.Attribute("gatehouse.identity.grant_type"));
        Assert.Equal(TokenServiceFixture.TenantId, issued.Attribute("gatehouse.identity.tenant"));
        var refusal = Assert.Single(spans, s => s.Name == TokenSpan && Of(s, client) && s.Attribute("gatehouse.identity.aadsts") is not null);
        Assert.Equal("7000215", refusal.Attribute("gatehouse.identity.aadsts"));
        Assert.Equal("AADSTS7000215", refusal.StatusMessage);
        var graph = Assert.Single(spans, s => s.Name == "graph GET /v1.0/users" && s.Attribute("gatehouse.graph.app") == client.AppId);
        Assert.Contains(spans, s => s.ParentSpanId == graph.SpanId && s.Attribute("db.system") == (store == "postgres" ? "postgresql" : "sqlite"));
        Assert.DoesNotContain(spans, s => s.Attribute("db.system") is not null && s.ParentSpanId.Length == 0);
        Assert.Single(spans, s => s.Name == "dataverse GET /api/data/v9.2/WhoAmI" && s.Attribute("gatehouse.dataverse.systemuser") == dataverse.SystemUserId.ToString());
        Assert.Contains(spans, s => s.Attribute("http.route") == "/v1.0/users" && s.Attribute("http.response.status_code") == "200");

        var exported = collector.Bodies.SelectMany(b => b).ToArray();
        foreach (var secret in new[] { client.Secret, graphToken, dataverse.AccessToken, "not-the-secret" })
        {
            Assert.Equal(-1, exported.AsSpan().IndexOf(Encoding.UTF8.GetBytes(secret)));
        }
    }

    private static bool Of(OtlpSpan span, RegisteredClient client) => span.Attribute("gatehouse.identity.client_id") == client.AppId;
}
