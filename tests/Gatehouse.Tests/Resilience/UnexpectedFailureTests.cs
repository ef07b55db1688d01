using System.Data.Common;
using System.Net;
using System.Text.RegularExpressions;
using Gatehouse.Data;
using Gatehouse.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Npgsql;
using static Gatehouse.Tests.Resilience.ResilienceCalls;

namespace Gatehouse.Tests.Resilience;

/// <summary>
/// A store that fails in a way that is not its going away (a table a request reads is gone) is a bug: the surface
/// answers 500 in its own shape with a request id, says nothing of the exception, and the server logs it once. Graph,
/// the token endpoint, Resource Manager and the portal's sign-in page (a Razor page) each meet a renamed table.
/// </summary>
public sealed partial class UnexpectedFailureTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [BothStores]
    public async Task A_failing_store_read_is_a_500_in_the_surface_shape_with_an_id_logged_once(string store)
    {
        await using var gatehouse = await TokenServiceFixture.StartAsync(TestStore.Create(store));
        var reader = await gatehouse.RegisterClientAsync("failure-reader", ("Microsoft Graph", "Group.ReadWrite.All"));
        var unseen = await gatehouse.RegisterClientAsync("failure-unseen");
        using var http = Client(gatehouse.Server);
        var token = await AccessTokenAsync(http, reader);
        var management = await AccessTokenAsync(http, reader, ManagementScope);
        using var browser = await DelegatedSignIn.CreateAsync(gatehouse, "failure-person");
        using var signInForm = await browser.GetAsync("/signin");
        var signInHtml = await signInForm.Content.ReadAsStringAsync(Ct);

        await ExecuteAsync(gatehouse.Store, """ALTER TABLE "Groups" RENAME TO "GroupsMoved"; ALTER TABLE "Applications" RENAME TO "ApplicationsMoved"; ALTER TABLE "TenantDomains" RENAME TO "TenantDomainsMoved"; ALTER TABLE "Users" RENAME TO "UsersMoved";""");
        using var graph = await CallAsync(http, HttpMethod.Get, "/v1.0/groups", token);
        using var tokens = await TokenAsync(http, unseen.AppId, unseen.Secret);
        using var arm = await CallAsync(http, HttpMethod.Get, "/subscriptions?api-version=2022-12-01", management);
        using var page = await browser.SubmitAsync("/signin", signInHtml, new Dictionary<string, string> { ["Username"] = browser.Upn, ["Password"] = browser.Password });

        var graphBody = await graph.Content.ReadAsStringAsync(Ct);
        var graphError = (await JsonAsync(graph)).GetProperty("error");
        var requestId = graphError.GetProperty("innerError").GetProperty("request-id").GetString()!;
        Assert.Equal(HttpStatusCode.InternalServerError, graph.StatusCode);
        Assert.Equal("generalException", graphError.GetProperty("code").GetString());
        Assert.Equal(requestId, Assert.Single(graph.Headers.GetValues("request-id")));
        AssertSaysNothingOfTheException(graphBody);
        Assert.Contains("Unexpected error answering GET /v1.0/groups", Assert.Single(LinesQuoting(gatehouse.Server, requestId)));

        var tokenBody = await tokens.Content.ReadAsStringAsync(Ct);
        var aadsts = await AadstsResponse.ReadAsync(tokens);
        var traceId = aadsts.Body.GetProperty("trace_id").GetString()!;
        Assert.Equal(HttpStatusCode.InternalServerError, aadsts.Status);
        Assert.Equal(("server_error", 50000), (aadsts.Error, aadsts.Code));
        Assert.Equal(traceId, aadsts.Body.GetProperty("correlation_id").GetString());
        Assert.Equal(traceId, Assert.Single(tokens.Headers.GetValues("x-ms-request-id")));
        AssertSaysNothingOfTheException(tokenBody);
        Assert.Contains("Unexpected error answering POST", Assert.Single(LinesQuoting(gatehouse.Server, traceId)));

        var armBody = await arm.Content.ReadAsStringAsync(Ct);
        var armError = (await JsonAsync(arm)).GetProperty("error");
        var trackingId = armError.GetProperty("message").GetString()!.Split('\'')[^2];
        Assert.Equal(HttpStatusCode.InternalServerError, arm.StatusCode);
        Assert.Equal("InternalServerError", armError.GetProperty("code").GetString());
        AssertSaysNothingOfTheException(armBody);
        Assert.Contains("Unexpected error answering GET /subscriptions", Assert.Single(LinesQuoting(gatehouse.Server, trackingId)));

        var pageHtml = await page.Content.ReadAsStringAsync(Ct);
        var pageId = RequestIdOnPage().Match(pageHtml).Groups[1].Value;
        Assert.Equal(HttpStatusCode.InternalServerError, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("AADSTS50000", pageHtml, StringComparison.Ordinal);
        AssertSaysNothingOfTheException(pageHtml);
        Assert.Contains("Unexpected error answering POST /signin", Assert.Single(LinesQuoting(gatehouse.Server, pageId)));
    }

    private static void AssertSaysNothingOfTheException(string body)
    {
        foreach (var telltale in new[] { "   at ", "Sqlite", "Npgsql", "Postgres", "no such table", "does not exist", "Groups", "ApplicationsMoved", "TenantDomains", "UsersMoved", "Microsoft.EntityFrameworkCore" })
        {
            Assert.DoesNotContain(telltale, body, StringComparison.Ordinal);
        }
    }

    private static async Task ExecuteAsync(TestStore store, string sql)
    {
        await using DbConnection connection = store.Kind == StoreKind.Postgres
            ? new NpgsqlConnection(store.ConnectionString)
            : new SqliteConnection(store.Settings.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(Ct);
    }

    [GeneratedRegex("Request Id: ([0-9a-f-]{36})")]
    private static partial Regex RequestIdOnPage();
}
