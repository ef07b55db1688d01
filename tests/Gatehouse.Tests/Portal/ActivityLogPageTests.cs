using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Gatehouse.Tests.Graph;
using Gatehouse.Tests.Infrastructure;

namespace Gatehouse.Tests.Portal;

/// <summary>The portal's Sign-in logs and Audit logs pages on both stores: what each filter in the query string lets through, paging, and who may read them.</summary>
[Collection(GraphServers.Name)]
public sealed partial class ActivityLogPageTests(GatehouseOnBothStores gatehouse)
{
    [Theory]
    [BothStores]
    public async Task Sign_ins_narrow_by_application_status_user_and_date_and_page_by_fifty(string store)
    {
        var server = await gatehouse.OnAsync(store);
        var quiet = await server.RegisterClientAsync("page-quiet-" + store, ("Microsoft Graph", "User.Read.All"));
        var busy = await server.RegisterClientAsync("page-busy-" + store, ("Microsoft Graph", "User.Read.All"));
        using (await server.PostTokenAsync(TokenServiceFixture.TenantId, ClientCredentials(quiet.AppId, quiet.Secret + "x")))
        using (await server.PostTokenAsync(TokenServiceFixture.TenantId, ClientCredentials(quiet.AppId, quiet.Secret)))
        {
        }

        for (var i = 0; i < 51; i++)
        {
            using var issued = await server.PostTokenAsync(TokenServiceFixture.TenantId, ClientCredentials(busy.AppId, busy.Secret));
            Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        }

        using var admin = await DelegatedSignIn.CreateAsync(server, "page-admin-" + store, consent: true, role: "Global Administrator");

        var quietRows = await RowsOnceAsync(admin, $"/monitoring/signins?app={quiet.AppId}", 2);
        var refused = Assert.Single(await RowsOnceAsync(admin, $"/monitoring/signins?app={quiet.AppId}&status=failure", 1));
        var succeeded = Assert.Single(await RowsOnceAsync(admin, $"/monitoring/signins?app={quiet.AppId}&status=success", 1));
        var firstPage = await RowsOnceAsync(admin, $"/monitoring/signins?app={busy.AppId}", 50);
        var (_, firstHtml) = await admin.OpenPageAsync($"/monitoring/signins?app={busy.AppId}");
        var secondPage = await RowsOnceAsync(admin, $"/monitoring/signins?app={busy.AppId}&pagenum=2", 1);
        var mine = Assert.Single(await RowsOnceAsync(admin, $"/monitoring/signins?user={Uri.EscapeDataString(admin.Upn.ToUpperInvariant())}", 1));
        var tomorrow = server.Clock.GetUtcNow().AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var (_, futureHtml) = await admin.OpenPageAsync($"/monitoring/signins?app={quiet.AppId}&range=custom&from={tomorrow}");
        var (garbled, _) = await admin.OpenPageAsync("/monitoring/signins?range=bogus&from=yesterday&pagenum=-3&status=maybe&user=%00");
        var successId = Assert.Single(await EntryIdsAsync(admin, $"/monitoring/signins?app={quiet.AppId}&status=success"));
        var (_, successHtml) = await admin.OpenPageAsync($"/monitoring/signins/{successId}");
        var (missing, missingHtml) = await admin.OpenPageAsync($"/monitoring/signins/{Guid.NewGuid()}");

        Assert.Equal(2, quietRows.Count);
        Assert.Contains("Failure (AADSTS7000215)", refused, StringComparison.Ordinal);
        Assert.Contains("Success", succeeded, StringComparison.Ordinal);
        Assert.Contains("page-quiet-" + store, succeeded, StringComparison.Ordinal);
        Assert.Equal(50, firstPage.Count);
        Assert.Contains("pagenum=2", firstHtml, StringComparison.Ordinal);
        Assert.Single(secondPage);
        Assert.Contains("Interactive user", mine, StringComparison.Ordinal);
        Assert.Contains("No sign-ins match these filters.", futureHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, garbled.StatusCode);
        Assert.Contains(quiet.SecretKeyId, successHtml, StringComparison.Ordinal);
        Assert.DoesNotContain(quiet.Secret, successHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("This sign-in is not in the log", missingHtml, StringComparison.Ordinal);
    }

    [Theory]
    [BothStores]
    public async Task Audits_narrow_by_activity_target_category_and_initiator_and_show_the_changed_key(string store)
    {
        var server = await gatehouse.OnAsync(store);
        var name = $"page-audited-{store}-{Guid.NewGuid():N}"[..28];
        var app = await GatehouseCli.JsonAsync(server.Store, "app", "create", "--name", name);
        var secret = await GatehouseCli.JsonAsync(server.Store, "app", "secret", "add", "--app", app.GetProperty("appId").GetString()!, "--description", "page secret");
        using var admin = await DelegatedSignIn.CreateAsync(server, "audit-admin-" + store, consent: true, role: "Global Administrator");
        const string Activity = "Update application – Certificates and secrets management";

        var changes = await RowsOnceAsync(admin, $"/monitoring/audits?target={name}", 2);
        var added = Assert.Single(await RowsOnceAsync(admin, $"/monitoring/audits?target={name}&activity={Uri.EscapeDataString(Activity)}", 1));
        var byInitiator = await RowsOnceAsync(admin, $"/monitoring/audits?target={name}&initiatedBy=gatehouse", changes.Count);
        var (_, otherCategory) = await admin.OpenPageAsync($"/monitoring/audits?target={name}&category=UserManagement");
        var id = Assert.Single(await EntryIdsAsync(admin, $"/monitoring/audits?target={name}&activity={Uri.EscapeDataString(Activity)}"));
        var (details, detailsHtml) = await admin.OpenPageAsync($"/monitoring/audits/{id}");

        Assert.True(changes.Count >= 2, string.Join("\n", changes));
        Assert.Contains("gatehouse CLI", added, StringComparison.Ordinal);
        Assert.Contains("ApplicationManagement", added, StringComparison.Ordinal);
        Assert.Equal(changes.Count, byInitiator.Count);
        Assert.Contains("No changes match these filters.", otherCategory, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, details.StatusCode);
        Assert.Contains(secret.GetProperty("keyId").GetString()!, detailsHtml, StringComparison.Ordinal);
        Assert.DoesNotContain(secret.GetProperty("secretText").GetString()!, detailsHtml, StringComparison.Ordinal);
    }

    [Theory]
    [BothStores]
    public async Task Only_a_Global_Administrator_reads_the_logs(string store)
    {
        var server = await gatehouse.OnAsync(store);
        using var appAdmin = await DelegatedSignIn.CreateAsync(server, "page-appadmin-" + store, consent: true, role: "Application Administrator");

        foreach (var path in new[] { "/monitoring/signins", "/monitoring/audits", $"/monitoring/signins/{Guid.NewGuid()}" })
        {
            var (refused, html) = await appAdmin.OpenPageAsync(path);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Contains("Only a Global Administrator can read", html, StringComparison.Ordinal);
        }
    }

    private static Dictionary<string, string> ClientCredentials(string appId, string secret) => new()
    {
        ["grant_type"] = "client_credentials", ["client_id"] = appId, ["client_secret"] = secret, ["scope"] = "https://graph.microsoft.com/.default",
    };

    /// <summary>The text of each row of the page's log table, once there are <paramref name="count"/> (the server saves sign-ins in batches after it answers), or after ten seconds.</summary>
    private static async Task<IReadOnlyList<string>> RowsOnceAsync(DelegatedSignIn browser, string url, int count)
    {
        List<string> rows = [];
        for (var attempt = 0; attempt < 40; attempt++)
        {
            var (response, html) = await browser.OpenPageAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            rows = [.. Row().Matches(html).Select(m => WebUtility.HtmlDecode(Tag().Replace(m.Groups[1].Value, " ")))];
            if (rows.Count >= count)
            {
                break;
            }

            await Task.Delay(250, TestContext.Current.CancellationToken);
        }

        return rows;
    }

    /// <summary>The IDs of the entries the page links to.</summary>
    private static async Task<IReadOnlyList<string>> EntryIdsAsync(DelegatedSignIn browser, string url)
    {
        var (_, html) = await browser.OpenPageAsync(url);
        return [.. EntryLink().Matches(html).Select(m => m.Groups[1].Value)];
    }

    [GeneratedRegex("<tr>((?:(?!</tr>).)*?<td>.*?)</tr>", RegexOptions.Singleline)]
    private static partial Regex Row();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex("/monitoring/(?:signins|audits)/([0-9a-f-]{36})")]
    private static partial Regex EntryLink();
}
