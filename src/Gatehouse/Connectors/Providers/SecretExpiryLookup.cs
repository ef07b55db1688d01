using System.Net.Http.Headers;
using System.Text.Json;
using Gatehouse.Connectors.Instances;

namespace Gatehouse.Connectors.Providers;

/// <summary>
/// When the caller did not say when the API secret expires, asks Microsoft Graph
/// (GET /applications?$filter=appId eq '…'&amp;$select=passwordCredentials): an app allowed to read applications
/// (Application.Read.All) sees its own passwordCredentials, and the one whose hint (first three characters) matches
/// the secret gives the endDateTime. Anything else leaves the expiry unknown.
/// </summary>
internal sealed class SecretExpiryLookup(AuthorityClient authority, IHttpClientFactory httpClients, HubSettings settings)
{
    private const string GraphResource = "https://graph.microsoft.com";

    public async Task FillAsync(HubInstance instance, Connector connector, AppCredentials app, CancellationToken cancellationToken)
    {
        var tokens = await authority.ClientCredentialsAsync(connector, app, cancellationToken, GraphResource);
        if (!tokens.Succeeded)
        {
            return;
        }

        // The appId goes into an OData string literal: a quote would end it (OData ABNF, SQUOTE-in-string is doubled).
        var filter = Uri.EscapeDataString($"appId eq '{app.ApiKey.Replace("'", "''", StringComparison.Ordinal)}'");
        var url = new Uri(settings.GraphUrl, $"v1.0/applications?$filter={filter}&$select=passwordCredentials");
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.Value.AccessToken);
        try
        {
            using var response = await httpClients.CreateClient(AuthorityClient.HttpClientName).SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return;
            }

            using var body = await response.Content.ReadFromJsonAsync<JsonDocument>(cancellationToken);
            if (body?.RootElement.TryGetProperty("value", out var applications) != true || applications.ValueKind != JsonValueKind.Array
                || applications.GetArrayLength() != 1
                || !applications[0].TryGetProperty("passwordCredentials", out var credentials) || credentials.ValueKind != JsonValueKind.Array)
            {
                return;
            }

            var hint = app.ApiSecret.Length >= 3 ? app.ApiSecret[..3] : app.ApiSecret;
            var ends = credentials.EnumerateArray()
                .Where(c => c.TryGetProperty("hint", out var h) && h.GetString() == hint)
                .Select(c => c.TryGetProperty("endDateTime", out var end) && end.TryGetDateTimeOffset(out var value) ? value : (DateTimeOffset?)null)
                .Where(end => end is not null)
                .ToList();
            if (ends.Count > 0)
            {
                // Two secrets with the same hint: the earlier end is the one to warn about.
                instance.ApiSecretExpiresDateTime = ends.Min();
                instance.ApiSecretExpirySource = "graph";
            }
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or TaskCanceledException or NotSupportedException)
        {
            // Graph unreachable or not answering JSON: the expiry stays unknown, as with an authority that cannot tell.
        }
    }
}
