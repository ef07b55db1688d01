using System.Net.Http.Json;
using System.Text.Json;

namespace Gatehouse.Tests.Infrastructure;

/// <summary>A caller of the connector hub: an organization's user, with the secrets `gatehouse hub secrets create` printed.</summary>
internal sealed class HubClient(HttpClient http, string organizationSecret, string userSecret)
{
    public const string BasePath = "/elements/api-v2";

    public string OrganizationSecret { get; } = organizationSecret;

    public string UserSecret { get; } = userSecret;

    public static async Task<HubClient> CreateAsync(TestStore store, HttpClient http)
    {
        var secrets = await GatehouseCli.JsonAsync(store, "hub", "secrets", "create");
        return new HubClient(http, secrets.GetProperty("organizationSecret").GetString()!, secrets.GetProperty("userSecret").GetString()!);
    }

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body = null, string? instanceToken = null)
    {
        var request = new HttpRequestMessage(method, new Uri(BasePath + path, UriKind.Relative));
        var authorization = $"User {UserSecret}, Organization {OrganizationSecret}" + (instanceToken is null ? "" : $", Element {instanceToken}");
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    /// <summary>Sends and returns the status and JSON body.</summary>
    public async Task<(int Status, JsonElement Body)> JsonAsync(HttpMethod method, string path, object? body = null, string? instanceToken = null)
    {
        using var response = await SendAsync(method, path, body, instanceToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return ((int)response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    public async Task<JsonElement> GetInstanceAsync(long id)
    {
        var (status, body) = await JsonAsync(HttpMethod.Get, $"/instances/{id}");
        Assert.Equal(200, status);
        return body;
    }

    /// <summary>Polls the instance until <paramref name="condition"/> holds, failing after <paramref name="timeout"/>.</summary>
    public async Task<JsonElement> WaitForInstanceAsync(long id, Func<JsonElement, bool> condition, TimeSpan timeout)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var instance = await GetInstanceAsync(id);
            if (condition(instance))
            {
                return instance;
            }

            Assert.True(clock.Elapsed < timeout, $"The instance did not reach the expected condition within {timeout}: {instance}");
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
    }
}
