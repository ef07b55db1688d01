using Gatehouse.MicrosoftHosts;

namespace Gatehouse.Hosting;

internal static class CertificateAuthorityEndpoint
{
    /// <summary>
    /// GET /ca.pem: the public certificate of the authority behind Microsoft's hosts, the same as &lt;data&gt;/ca.pem, for
    /// clients to trust; the only place an in-memory server offers it.
    /// </summary>
    public static IEndpointRouteBuilder MapCertificateAuthority(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/ca.pem", (MicrosoftHostsCertificates certificates) =>
            Results.Text(certificates.Authority.ExportCertificatePem() + "\n", "application/x-pem-file"));
        return endpoints;
    }
}
