using System.Data.Common;
using System.Net;
using System.Text.RegularExpressions;
using Gatehouse.Data;
using Gatehouse.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Gatehouse.Tests.Portal;

/// <summary>The portal's Users list over a tenant of 100,000 users, on both stores: keyset pages that neither repeat nor skip, and a search that narrows at any depth.</summary>
public sealed partial class UserListPagingTests
{
    private const int PageSize = 50;

    [Theory]
    [BothStores]
    public async Task Users_page_through_and_search_a_tenant_of_100000_users(string store)
    {
        await using var server = await TokenServiceFixture.StartAsync(TestStore.Create(store));
        await InsertUsersAsync(server.Store, 100_000);
        var marker = $"Zq{Guid.NewGuid():N}"[..10];
        foreach (var n in new[] { 3, 1, 2 })
        {
            await GatehouseCli.JsonAsync(server.Store, "user", "create", "--upn", $"{marker}-{n}@{TokenServiceFixture.TenantDomain}",
                "--password", "Us3r-Passw0rd-for-tests", "--display-name", $"{marker} person {n}");
        }

        using var admin = await DelegatedSignIn.CreateAsync(server, "paging-" + store, consent: true, role: "User Administrator");

        var (first, firstHtml) = await admin.OpenPageAsync("/users");
        var firstIds = UserIds(firstHtml);
        var secondHtml = await NextPageAsync(admin, firstHtml);
        var secondIds = UserIds(secondHtml);
        var thirdIds = UserIds(await NextPageAsync(admin, secondHtml));
        var (_, searched) = await admin.OpenPageAsync($"/users?search={marker.ToLowerInvariant()}");
        var (_, byUpn) = await admin.OpenPageAsync($"/users?search={Uri.EscapeDataString($"{marker}-2@")}");
        var (_, prefixHtml) = await admin.OpenPageAsync("/users?search=a");
        var prefixNext = await NextPageAsync(admin, prefixHtml);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(PageSize, firstIds.Count);
        Assert.Equal(PageSize, secondIds.Count);
        Assert.Equal(PageSize, thirdIds.Count);
        Assert.Equal(3 * PageSize, firstIds.Concat(secondIds).Concat(thirdIds).Distinct().Count());
        Assert.Contains("First page", secondHtml, StringComparison.Ordinal);
        Assert.Equal([$"{marker} person 1", $"{marker} person 2", $"{marker} person 3"], DisplayNames(searched));
        Assert.DoesNotContain("Next page", searched, StringComparison.Ordinal);
        Assert.Equal([$"{marker} person 2"], DisplayNames(byUpn));
        Assert.Equal(PageSize, DisplayNames(prefixHtml).Count);
        Assert.Equal(PageSize, DisplayNames(prefixNext).Count);
        Assert.All(DisplayNames(prefixHtml).Concat(DisplayNames(prefixNext)), name => Assert.StartsWith("A", name, StringComparison.OrdinalIgnoreCase));
        Assert.Empty(UserIds(prefixHtml).Intersect(UserIds(prefixNext)));
    }

    /// <summary>
    /// Users "Abulk 1".."Zbulk 100000" (the first letter cycling through the alphabet), inserted by the store itself in
    /// one statement: `gatehouse seed`, which builds each person with a manager and a department, takes minutes for as many.
    /// </summary>
    private static async Task InsertUsersAsync(TestStore store, int count)
    {
        var postgres = store.Kind == StoreKind.Postgres;
        await using DbConnection connection = postgres ? new NpgsqlConnection(store.ConnectionString) : new SqliteConnection(store.Settings.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        const string Columns = """
            "Id", "TenantId", "UserPrincipalName", "NormalizedUserPrincipalName", "DisplayName", "NormalizedDisplayName",
            "AccountEnabled", "CreatedDateTime", "FailedSignInCount", "HasWellKnownPassword", "UserType", "BusinessPhones"
            """;
        var upn = $"'bulk' || i || '@{TokenServiceFixture.TenantDomain}'";
        const string NoPhones = "'{}'";
        command.CommandText = postgres
            ? $"""
                INSERT INTO "Users" ({Columns})
                SELECT ('00000000-0000-4000-8000-' || lpad(to_hex(i), 12, '0'))::uuid, '{TokenServiceFixture.TenantId}'::uuid, {upn}, upper({upn}),
                    chr(65 + i % 26) || 'bulk ' || i, upper(chr(65 + i % 26) || 'bulk ' || i), true, now(), 0, false, 'Member', {NoPhones}
                FROM generate_series(1, {count}) AS i
                """
            : $"""
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {count})
                INSERT INTO "Users" ({Columns})
                SELECT printf('%08X-0000-4000-8000-%012X', i, i), '{TokenServiceFixture.TenantId}', {upn}, upper({upn}),
                    char(65 + i % 26) || 'bulk ' || i, upper(char(65 + i % 26) || 'bulk ' || i), 1, 0, 0, 0, 'Member', '[]'
                FROM n
                """;
        Assert.Equal(count, await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken));
    }

    private static async Task<string> NextPageAsync(DelegatedSignIn browser, string html)
    {
        var next = NextLink().Match(html);
        Assert.True(next.Success, "The page has no Next page link.");
        var (response, nextHtml) = await browser.OpenPageAsync(WebUtility.HtmlDecode(next.Groups[1].Value));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return nextHtml;
    }

    private static List<string> UserIds(string html) => [.. UserLink().Matches(html).Select(m => m.Groups[1].Value)];

    private static List<string> DisplayNames(string html) => [.. UserLink().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[2].Value))];

    [GeneratedRegex("<td><a href=\"/users/([0-9a-f-]{36})\">([^<]*)</a></td>")]
    private static partial Regex UserLink();

    [GeneratedRegex("<a href=\"([^\"]*after=[^\"]*)\">Next page")]
    private static partial Regex NextLink();
}
