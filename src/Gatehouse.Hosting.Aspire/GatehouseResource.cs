using System.Security.Cryptography.X509Certificates;

namespace Aspire.Hosting.ApplicationModel;

/// <summary>
/// Gatehouse, the self-hosted Entra ID, as an executable resource: `gatehouse serve` on one HTTPS endpoint, in memory
/// or over a data directory, with the applications the app host declares imported at every start.
/// </summary>
public sealed class GatehouseResource(string name, string command, string workingDirectory)
    : ExecutableResource(name, command, workingDirectory)
{
    internal const string HttpsEndpointName = "https";

    /// <summary>Gatehouse's default tenant, which the declared applications are registered in.</summary>
    public static readonly Guid DefaultTenantId = new("11111111-1111-4111-8111-111111111111");

    public const string DefaultTenantDomain = "contoso.onmicrosoft.com";

    private EndpointReference? httpsEndpoint;

    /// <summary>The one endpoint every surface (token service, Graph, Dataverse, portal) answers on.</summary>
    public EndpointReference HttpsEndpoint => httpsEndpoint ??= new(this, HttpsEndpointName);

    /// <summary>What Microsoft.Identity.Web reads as <c>AzureAd:Instance</c>: the endpoint's URL with a trailing slash.</summary>
    public ReferenceExpression Instance => ReferenceExpression.Create($"{HttpsEndpoint.Property(EndpointProperty.Url)}/");

    public Guid TenantId { get; } = DefaultTenantId;

    /// <summary>The data directory (`--data`); null keeps everything in memory (`--in-memory`), fresh at each start.</summary>
    public string? DataDirectory { get; internal set; }

    /// <summary>The applications declared with <c>AddApplication</c>, imported with `serve --import` at every start.</summary>
    public IReadOnlyList<GatehouseApplicationResource> Applications => applications;

    /// <summary>
    /// Where this app host keeps what it hands the process: the TLS certificate and key, the tenant document. Owner-only,
    /// and deleted as the app host stops.
    /// </summary>
    public string FilesDirectory { get; } = Path.Combine(Path.GetTempPath(), "gatehouse-aspire", $"{name}-{Guid.NewGuid():N}");

    /// <summary>The HTTPS certificate the app host made for the endpoint (made on first use); its public part is at <see cref="CertificatePath"/>.</summary>
    public X509Certificate2 Certificate => certificate.Value;

    public string CertificatePath => Path.Combine(TrustDirectory, "tls.pem");

    /// <summary>A directory holding only <see cref="CertificatePath"/>, for clients that trust a directory of certificates (SSL_CERT_DIR).</summary>
    public string TrustDirectory => Path.Combine(FilesDirectory, "trust");

    internal string CertificateKeyPath => Path.Combine(FilesDirectory, "tls.key");

    internal string TenantDocumentPath => Path.Combine(FilesDirectory, "tenant.json");

    private readonly List<GatehouseApplicationResource> applications = [];
    private readonly Lazy<X509Certificate2> certificate = new(() => GatehouseCertificate.Create(name));

    internal void Add(GatehouseApplicationResource application) => applications.Add(application);
}
