namespace Gatehouse.TestHost;

/// <summary>A server that answered /healthz on a loopback port, in this process or its own.</summary>
public abstract class RunningGatehouse(Uri baseAddress, string? dataFolder, Uri? proxyAddress = null) : IAsyncDisposable
{
    public Uri BaseAddress { get; } = baseAddress;

    /// <summary>The proxy for Microsoft's hosts (--proxy-urls), an http:// URL for WebProxy or HTTPS_PROXY; null when it is off.</summary>
    public Uri? ProxyAddress { get; } = proxyAddress;

    /// <summary>Its data folder, with the tls.pem clients trust; null for an in-memory server.</summary>
    public string? DataFolder { get; } = dataFolder;

    /// <summary>What it printed and logged so far.</summary>
    public abstract string Output { get; }

    /// <summary>Trust in exactly the certificate the server wrote to tls.pem.</summary>
    public ServerCertificatePin Pin => DataFolder is null ? ServerCertificatePin.AnyCertificate : ServerCertificatePin.FromDataFolder(DataFolder);

    public HttpClient CreateClient() => new(Pin.CreateHandler()) { BaseAddress = BaseAddress };

    public abstract ValueTask DisposeAsync();
}
