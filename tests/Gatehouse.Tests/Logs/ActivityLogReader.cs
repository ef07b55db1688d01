using System.Net;
using System.Text.Json;
using Gatehouse.Tests.Infrastructure;

namespace Gatehouse.Tests.Logs;

/// <summary>Reads /v1.0/auditLogs as an app with AuditLog.Read.All, waiting (bounded) for entries the server saves after it answers.</summary>
internal sealed class ActivityLogReader(TokenServiceFixture server, string token)
{
    public static async Task<ActivityLogReader> CreateAsync(TokenServiceFixture server, string name) =>
        new(server, await server.AppTokenAsync(await server.RegisterClientAsync(name, ("Microsoft Graph", "AuditLog.Read.All"))));

    /// <summary>The page at <paramref name="relativeUrl"/> (or an absolute nextLink), asserting 200.</summary>
    public async Task<JsonElement> PageAsync(string relativeUrl)
    {
        using var http = server.RawGraph(token);
        using var response = await http.GetAsync(new Uri(relativeUrl, UriKind.RelativeOrAbsolute), TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{relativeUrl}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>The entries the query lists once there are at least <paramref name="count"/> of them (or after ten seconds).</summary>
    public async Task<List<JsonElement>> WaitForAsync(string relativeUrl, int count)
    {
        var entries = new List<JsonElement>();
        for (var attempt = 0; attempt < 100; attempt++)
        {
            entries = [.. (await PageAsync(relativeUrl)).GetProperty("value").EnumerateArray()];
            if (entries.Count >= count)
            {
                break;
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        return entries;
    }
}
