using System.Net;
using System.Text.Json;

namespace Gatehouse.Tests.Infrastructure;

/// <summary>A token-service error as a client sees it: status, OAuth error and AADSTS code.</summary>
internal sealed record AadstsResponse(HttpStatusCode Status, string Error, int Code, JsonElement Body)
{
    public static async Task<AadstsResponse> ReadAsync(HttpResponseMessage response)
    {
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.Clone();
        return new AadstsResponse(response.StatusCode, body.GetProperty("error").GetString()!, body.GetProperty("error_codes")[0].GetInt32(), body);
    }
}
