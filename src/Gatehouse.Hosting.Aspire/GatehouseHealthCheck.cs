using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Aspire.Hosting.ApplicationModel;

/// <summary>GET /healthz over HTTPS, trusting exactly the certificate the app host gave the resource.</summary>
internal sealed class GatehouseHealthCheck(GatehouseResource resource) : IHealthCheck, IDisposable
{
    private readonly HttpClient client = new(new HttpClientHandler
    {
        ServerCertificateCustomValidationCallback = (_, presented, _, _) =>
            presented is not null && presented.RawDataMemory.Span.SequenceEqual(resource.Certificate.RawDataMemory.Span),
    })
    {
        Timeout = TimeSpan.FromSeconds(5),
    };

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!resource.HttpsEndpoint.IsAllocated)
        {
            return HealthCheckResult.Unhealthy("The HTTPS endpoint has no port yet.");
        }

        try
        {
            using var response = await client.GetAsync(new Uri($"{resource.HttpsEndpoint.Url}/healthz"), cancellationToken);
            return response.IsSuccessStatusCode
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"GET /healthz answered {(int)response.StatusCode}.");
        }
        catch (HttpRequestException e)
        {
            return HealthCheckResult.Unhealthy("GET /healthz failed.", e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("GET /healthz timed out.", e);
        }
    }

    public void Dispose() => client.Dispose();
}
