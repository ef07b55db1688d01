using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Gatehouse.Tests.Infrastructure;

namespace Gatehouse.Tests.Dataverse;

/// <summary>$batch over raw HTTP on both stores: requests and change sets in one multipart/mixed body, as Dataverse's samples send it.</summary>
public sealed class DataverseBatchTests(GatehouseOnBothStores servers) : IClassFixture<GatehouseOnBothStores>
{
    [Theory]
    [BothStores]
    public async Task A_change_set_creates_its_rows_together_and_a_later_get_in_the_batch_sees_them(string kind)
    {
        var gatehouse = await servers.OnAsync(kind);
        using var client = await DataverseClient.ApplicationUserAsync(gatehouse, "batch-admin", "System Administrator");
        var name = $"Batch {Guid.NewGuid():N}";

        using var response = await client.SendContentAsync(HttpMethod.Post, "$batch", Batch(
            ChangeSet(
                Part("POST /api/data/v9.2/accounts", $$"""{"name":"{{name}}"}""", contentId: "1"),
                Part("POST contacts", """{"firstname":"Batch","lastname":"Contact"}""", contentId: "2")),
            Part($"GET /api/data/v9.2/accounts?$select=name&$filter=name%20eq%20'{Uri.EscapeDataString(name)}'")));
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("multipart/mixed", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("changesetresponse_", body, StringComparison.Ordinal);
        Assert.Equal(2, Occurrences(body, "HTTP/1.1 204 No Content"));
        Assert.Contains("Content-ID: 2", body, StringComparison.Ordinal);
        Assert.Contains("OData-EntityId: ", body, StringComparison.Ordinal);
        Assert.Contains("HTTP/1.1 200 OK", body, StringComparison.Ordinal);
        Assert.Contains($"\"name\":\"{name}\"", body, StringComparison.Ordinal);
        var contacts = await DataverseClient.JsonAsync(await client.GetAsync("contacts?$filter=lastname eq 'Contact' and firstname eq 'Batch'"));
        Assert.Equal(1, contacts.GetProperty("value").GetArrayLength());
    }

    [Theory]
    [BothStores]
    public async Task A_failing_change_set_changes_nothing_and_stops_the_batch_unless_told_to_continue(string kind)
    {
        var gatehouse = await servers.OnAsync(kind);
        using var client = await DataverseClient.ApplicationUserAsync(gatehouse, "batch-rollback", "System Administrator");
        var kept = await client.CreateAsync("accounts", new { name = "Kept through a failed change set" });
        var never = $"Never kept {Guid.NewGuid():N}";

        using var failed = await client.SendContentAsync(HttpMethod.Post, "$batch", Batch(
            ChangeSet(
                Part($"DELETE /api/data/v9.2/accounts({kept})"),
                Part("POST /api/data/v9.2/accounts", $$"""{"name":"{{never}}"}"""),
                Part($"PATCH /api/data/v9.2/accounts({Guid.NewGuid()})", """{"name":"Missing"}""", headers: "If-Match: *")),
            Part("GET /api/data/v9.2/WhoAmI")));
        var failedBody = await failed.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        using var stillThere = await client.GetAsync($"accounts({kept})");
        var created = await DataverseClient.JsonAsync(await client.GetAsync($"accounts?$filter=name eq '{never}'"));

        Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        Assert.Contains("HTTP/1.1 404 Not Found", failedBody, StringComparison.Ordinal);
        Assert.Contains("0x80040217", failedBody, StringComparison.Ordinal);
        Assert.DoesNotContain("HTTP/1.1 204", failedBody, StringComparison.Ordinal);
        Assert.DoesNotContain("UserId", failedBody, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, stillThere.StatusCode);
        Assert.Equal(0, created.GetProperty("value").GetArrayLength());

        using var continued = await client.SendContentAsync(HttpMethod.Post, "$batch",
            Batch(Part($"GET /api/data/v9.2/accounts({Guid.NewGuid()})"), Part("GET /api/data/v9.2/WhoAmI")),
            ("Prefer", "odata.continue-on-error"));
        var continuedBody = await continued.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        using var notMultipart = await client.PostAsync("$batch", new { requests = Array.Empty<object>() });

        Assert.Contains("HTTP/1.1 404 Not Found", continuedBody, StringComparison.Ordinal);
        Assert.Contains(client.SystemUserId.ToString(), continuedBody, StringComparison.Ordinal);
        await DataverseClient.AssertErrorAsync(notMultipart, HttpStatusCode.BadRequest, "0x80048d19");
    }

    private static int Occurrences(string text, string value) => (text.Length - text.Replace(value, "", StringComparison.Ordinal).Length) / value.Length;

    private static string Part(string requestLine, string? json = null, string? contentId = null, string? headers = null) =>
        "Content-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n"
        + (contentId is null ? "" : $"Content-ID: {contentId}\r\n")
        + $"\r\n{requestLine} HTTP/1.1\r\nAccept: application/json\r\n"
        + (headers is null ? "" : headers + "\r\n")
        + (json is null ? "\r\n" : $"Content-Type: application/json; type=entry\r\n\r\n{json}\r\n");

    private static string ChangeSet(params string[] parts) =>
        "Content-Type: multipart/mixed; boundary=changeset_B\r\n\r\n"
        + string.Concat(parts.Select(p => $"--changeset_B\r\n{p}")) + "--changeset_B--\r\n";

    private static StringContent Batch(params string[] parts)
    {
        var content = new StringContent(string.Concat(parts.Select(p => $"--batch_A\r\n{p}")) + "--batch_A--\r\n", Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/mixed; boundary=batch_A");
        return content;
    }
}
