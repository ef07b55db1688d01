using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;

namespace Gatehouse.TestHost;

/// <summary>Waits for a starting server, in this process or another, to answer GET /healthz with 200 over HTTPS.</summary>
internal static class HealthProbe
{
    // A first start migrates the store and makes its keys; on a machine shared with other builds it has taken over a minute.
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);

    /// <param name="dataFolder">Where the server writes tls.pem, the certificate to trust; null for an in-memory server.</param>
    /// <param name="ended">Why the server stopped before it was healthy, or null while it runs.</param>
    /// <returns>Null once healthy; otherwise why not, for the caller's exception.</returns>
    public static async Task<string?> WaitAsync(Uri baseAddress, string? dataFolder, Func<string?> ended, CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < StartTimeout)
        {
            if (ended() is { } reason)
            {
                return reason;
            }

            if (dataFolder is null || File.Exists(Path.Combine(dataFolder, ServerCertificatePin.PemFileName)))
            {
                try
                {
                    var pin = dataFolder is null ? ServerCertificatePin.AnyCertificate : ServerCertificatePin.FromDataFolder(dataFolder);
                    using var client = new HttpClient(pin.CreateHandler()) { BaseAddress = baseAddress };
                    using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative), cancellationToken);
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        return null;
                    }
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }
                catch (CryptographicException)
                {
                    // tls.pem exists but is not whole yet: the server writes it in place, so a read can catch it half-written.
                }
            }

            await Task.Delay(25, cancellationToken);
        }

        return $"not healthy within {StartTimeout}";
    }
}
