using System.Globalization;
using System.Text.Json;

namespace Gatehouse.Connectors.Providers;

/// <summary>The hub as an OAuth client of an Entra-compatible token endpoint, over HTTP only (RFC 6749 §4.1.3, §4.4, §6).</summary>
internal sealed class AuthorityClient(IHttpClientFactory httpClients, TimeProvider clock)
{
    public const string HttpClientName = "Gatehouse.Connectors";

    public Task<Outcome<ProviderTokens, AuthorityRefusal>> RedeemCodeAsync(
        Connector connector, AppCredentials app, string code, string redirectUri, string scope, CancellationToken cancellationToken) =>
        PostAsync(connector, app, new()
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = redirectUri,
            ["scope"] = scope,
        }, cancellationToken);

    public Task<Outcome<ProviderTokens, AuthorityRefusal>> RefreshAsync(
        Connector connector, AppCredentials app, string refreshToken, string scope, CancellationToken cancellationToken) =>
        PostAsync(connector, app, new()
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = refreshToken,
            ["scope"] = scope,
        }, cancellationToken);

    /// <summary>An app-only token ({resource}/.default, RFC 6749 §4.4) for <paramref name="resource"/>, or else the element's one API.</summary>
    public Task<Outcome<ProviderTokens, AuthorityRefusal>> ClientCredentialsAsync(
        Connector connector, AppCredentials app, CancellationToken cancellationToken, string? resource = null) =>
        PostAsync(connector, app, new()
        {
            ["grant_type"] = "client_credentials",
            ["scope"] = $"{resource ?? connector.ApiFor(null)?.Resource}/.default",
        }, cancellationToken);

    private async Task<Outcome<ProviderTokens, AuthorityRefusal>> PostAsync(
        Connector connector, AppCredentials app, Dictionary<string, string> form, CancellationToken cancellationToken)
    {
        form["client_id"] = app.ApiKey;
        form["client_secret"] = app.ApiSecret;
        var client = httpClients.CreateClient(HttpClientName);
        try
        {
            using var response = await client.PostAsync(connector.TokenEndpoint(app.Tenant), new FormUrlEncodedContent(form), cancellationToken);
            using var body = await ReadJsonAsync(response, cancellationToken);
            if (response.IsSuccessStatusCode && body is not null
                && body.RootElement.TryGetProperty("access_token", out var accessToken) && accessToken.GetString() is { } value)
            {
                var expiresIn = body.RootElement.TryGetProperty("expires_in", out var e) ? Seconds(e) : 3600;
                var refreshToken = body.RootElement.TryGetProperty("refresh_token", out var r) ? r.GetString() : null;
                return new ProviderTokens(value, refreshToken, clock.GetUtcNow().AddSeconds(expiresIn));
            }

            return Refusal(response, body);
        }
        catch (HttpRequestException e)
        {
            return Unreachable(connector, e.Message);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Unreachable(connector, "The request timed out.");
        }
    }

    private static AuthorityRefusal Refusal(HttpResponseMessage response, JsonDocument? body)
    {
        var root = body?.RootElement;
        var error = root?.TryGetProperty("error", out var e) == true ? e.GetString() ?? "" : "";
        var description = root?.TryGetProperty("error_description", out var d) == true ? d.GetString() ?? "" : "";
        var code = root?.TryGetProperty("error_codes", out var codes) == true && codes.ValueKind == JsonValueKind.Array
            && codes.GetArrayLength() > 0 && codes[0].TryGetInt32(out var first) ? first : 0;
        var transient = (int)response.StatusCode >= 500 || error == "temporarily_unavailable";
        return new AuthorityRefusal(
            error.Length > 0 ? error : $"http_{(int)response.StatusCode}",
            code > 0 ? $"AADSTS{code}" : error,
            description.Length > 0 ? description : $"The authority answered {(int)response.StatusCode} {response.ReasonPhrase}.",
            AuthorityAdvice.For(code, error),
            transient);
    }

    private static AuthorityRefusal Unreachable(Connector connector, string reason) =>
        new("temporarily_unavailable", "unreachable", reason,
            $"The authority {connector.Authority} could not be reached; the hub tries again later.", Transient: true);

    private static async Task<JsonDocument?> ReadJsonAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<JsonDocument>(cancellationToken);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException)
        {
            return null;
        }
    }

    // Entra's v1.0 endpoint writes expires_in as a string; v2.0 as a number.
    private static long Seconds(JsonElement value) =>
        value.ValueKind == JsonValueKind.Number ? value.GetInt64()
        : long.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : 3600;
}
