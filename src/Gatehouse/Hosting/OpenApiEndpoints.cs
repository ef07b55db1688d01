using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace Gatehouse.Hosting;

/// <summary>
/// GET /elements/api-v2/openapi.json and /admin/openapi.json, and the Scalar page at /elements/api-v2/docs. Served to
/// anyone: they describe routes every Gatehouse has and carry no data of this one. Each document is made at its first
/// request and kept, since the routes do not change while the server runs.
/// </summary>
internal static class OpenApiEndpoints
{
    /// <summary>
    /// The page's policy: the portal's, with Scalar's one inline script admitted by a fresh nonce and its inline styles
    /// admitted (its components set style attributes); scripts, fonts and connections stay on this origin.
    /// </summary>
    private static string PagePolicy(string nonce) =>
        $"default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
        + "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    private static readonly ConcurrentDictionary<string, Task<byte[]>> Documents = new(StringComparer.Ordinal);

    public static IEndpointRouteBuilder MapOpenApiDocuments(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(OpenApiDocuments.HubDocumentPath, (HttpContext context) => ServeAsync(context, OpenApiDocuments.Hub)).ExcludeFromDescription();
        endpoints.MapGet(OpenApiDocuments.ManagementDocumentPath, (HttpContext context) => ServeAsync(context, OpenApiDocuments.Management)).ExcludeFromDescription();
        endpoints.MapScalarApiReference(OpenApiDocuments.HubPagePath, (options, context) =>
        {
            var nonce = RandomNumberGenerator.GetHexString(32, lowercase: true);
            options.Nonce = nonce;
            options.WithTitle("Gatehouse API reference")
                .AddDocument(OpenApiDocuments.Hub, "Connector hub", OpenApiDocuments.HubDocumentPath, isDefault: true)
                .AddDocument(OpenApiDocuments.Management, "Management", OpenApiDocuments.ManagementDocumentPath)
                .DisableDefaultFonts()
                .DisableTelemetry()
                .DisableAgent()
                .DisableMcp();
            PageHeaders.Apply(context.Response);
            context.Response.Headers.ContentSecurityPolicy = PagePolicy(nonce);
        });
        return endpoints;
    }

    private static async Task ServeAsync(HttpContext context, string documentName)
    {
        var json = await Documents.GetOrAdd(documentName, name => DescribeAsync(context.RequestServices, name));
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.Body.WriteAsync(json, context.RequestAborted);
    }

    private static async Task<byte[]> DescribeAsync(IServiceProvider services, string documentName)
    {
        var document = await services.GetRequiredKeyedService<IOpenApiDocumentProvider>(documentName).GetOpenApiDocumentAsync(CancellationToken.None);
        using var buffer = new MemoryStream();
        await document.SerializeAsJsonAsync(buffer, OpenApiSpecVersion.OpenApi3_1, CancellationToken.None);
        return buffer.ToArray();
    }
}
