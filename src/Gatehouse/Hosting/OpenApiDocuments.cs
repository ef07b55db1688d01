using Gatehouse.Connectors.Api;
using Microsoft.OpenApi;

namespace Gatehouse.Hosting;

/// <summary>
/// The two OpenAPI documents, made by Microsoft.AspNetCore.OpenApi from the endpoints themselves when first asked for:
/// the connector hub's (every route under /elements/api-v2) and the management surface's (/admin, /healthz, /ca.pem and
/// the portal's API under /api). Building the app only registers them; nothing is described until a request.
/// </summary>
internal static class OpenApiDocuments
{
    public const string Hub = "hub";
    public const string Management = "management";
    public const string HubDocumentPath = HubEndpoints.BasePath + "/openapi.json";
    public const string HubPagePath = HubEndpoints.BasePath + "/docs";
    public const string ManagementDocumentPath = "/admin/openapi.json";

    public static IServiceCollection AddOpenApiDocuments(this IServiceCollection services)
    {
        services.AddOpenApi(Hub, options =>
        {
            options.OpenApiVersion = OpenApiSpecVersion.OpenApi3_1;
            options.ShouldInclude = description => IsHub(description.RelativePath);
            options.AddDocumentTransformer(HubOpenApi.DescribeDocumentAsync);
        });
        services.AddOpenApi(Management, options =>
        {
            options.OpenApiVersion = OpenApiSpecVersion.OpenApi3_1;
            options.ShouldInclude = ManagementOperations.Includes;
            options.AddDocumentTransformer(ManagementOperations.DescribeDocumentAsync);
            options.AddOperationTransformer(ManagementOperations.DescribeOperationAsync);
        });
        return services;
    }

    /// <param name="relativePath">A route as the API explorer gives it: no leading slash.</param>
    private static bool IsHub(string? relativePath) =>
        relativePath is not null && ("/" + relativePath).StartsWith(HubEndpoints.BasePath + "/", StringComparison.Ordinal);
}
