using System.Reflection;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Gatehouse.Connectors.Api;

/// <summary>
/// What the hub's OpenAPI document says beyond what its endpoints declare: the Authorization header's two forms as
/// security schemes, which one each operation needs (the caller its handler takes), and the proxy, which answers
/// every method and so is not described by ASP.NET Core's API explorer.
/// </summary>
internal static class HubOpenApi
{
    public const string PlatformScheme = "organizationUser";
    public const string InstanceScheme = "elementInstance";
    private static readonly HttpMethod[] ProxiedMethods = [HttpMethod.Get, HttpMethod.Post, HttpMethod.Put, HttpMethod.Patch, HttpMethod.Delete];

    /// <summary>One operation's id and summary (and the query parameters its handler reads itself), for the one method it names.</summary>
    public static TBuilder Describe<TBuilder>(this TBuilder builder, string method, string operationId, string summary, params QueryParameter[] query)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddOpenApiOperationTransformer((operation, context, _) =>
        {
            if (string.Equals(context.Description.HttpMethod, method, StringComparison.OrdinalIgnoreCase))
            {
                operation.OperationId = operationId;
                operation.Summary = summary;
                foreach (var parameter in query)
                {
                    operation.Parameters ??= [];
                    operation.Parameters.Add(parameter.ToOpenApi());
                }
            }

            return Task.CompletedTask;
        });

    /// <summary>The security schemes, and the proxy's operations.</summary>
    public static Task DescribeDocumentAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "Gatehouse connector hub";
        document.Info.Description =
            "Cloud Elements' API v2 as Gatehouse serves it: elements (connectors), instances with their credential health, "
            + "the normalised resources of an instance and the proxy to its provider's API. Errors are {\"requestId\",\"message\"}.";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[PlatformScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = "Authorization",
            Description = "`User <user secret>, Organization <organization secret>`: the secrets `gatehouse hub secrets create` prints.",
        };
        document.Components.SecuritySchemes[InstanceScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = "Authorization",
            Description = "`User <user secret>, Organization <organization secret>, Element <instance token>`: the token POST /instances returned; "
                + "the Organization part may be left out.",
        };
        // Relative, so the document holds wherever it is fetched from: Gatehouse's address or a Microsoft hostname.
        document.Servers = [new OpenApiServer { Url = "/" }];
        AddProxy(document, context);
        return Task.CompletedTask;
    }

    /// <summary>Every hub operation needs the scheme of the caller its handler takes, and may be refused with 401.</summary>
    public static Task DescribeOperationAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var handler = context.Description.ActionDescriptor.EndpointMetadata.OfType<MethodInfo>().FirstOrDefault();
        var throughInstance = handler?.GetParameters().Any(p => p.ParameterType == typeof(InstanceCaller)) == true;
        operation.Security = [Requirement(throughInstance ? InstanceScheme : PlatformScheme, context.Document)];
        if (context.Description.HttpMethod is "GET" or "DELETE")
        {
            operation.RequestBody = null;
        }

        return Task.CompletedTask;
    }

    private static OpenApiSecurityRequirement Requirement(string scheme, OpenApiDocument? document) => new()
    {
        [new OpenApiSecuritySchemeReference(scheme, document)] = [],
    };

    /// <summary>The hub's routes that answer any method (the proxy): one operation per common method, sent on unchanged.</summary>
    private static void AddProxy(OpenApiDocument document, OpenApiDocumentTransformerContext context)
    {
        var sources = context.ApplicationServices.GetServices<EndpointDataSource>();
        foreach (var endpoint in sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>())
        {
            var pattern = endpoint.RoutePattern.RawText ?? "";
            if (!pattern.StartsWith(HubEndpoints.BasePath + "/", StringComparison.Ordinal) || endpoint.Metadata.GetMetadata<IHttpMethodMetadata>() is not null)
            {
                continue;
            }

            var item = new OpenApiPathItem { Operations = [] };
            foreach (var method in ProxiedMethods)
            {
                item.Operations[method] = new OpenApiOperation
                {
                    OperationId = "Proxy" + method.Method[0] + method.Method[1..].ToLowerInvariant(),
                    Summary = $"{method.Method} through the instance to its provider's API",
                    Description = "The request is sent on to the element's API with the instance's access token; the provider's status, headers and body come back unchanged. "
                        + "409 when the instance is disabled or needs re-authentication.",
                    Tags = new HashSet<OpenApiTagReference> { new("Proxy", document) },
                    Parameters = [new OpenApiParameter { Name = "path", In = ParameterLocation.Path, Required = true, Description = "The path under the provider API's base URL.", Schema = new OpenApiSchema { Type = JsonSchemaType.String } }],
                    Security = [Requirement(InstanceScheme, document)],
                    Responses = new OpenApiResponses
                    {
                        ["default"] = new OpenApiResponse { Description = "The provider's answer, unchanged." },
                    },
                };
            }

            document.Paths.Add(OpenApiPath(pattern), item);
        }

        document.Tags ??= new HashSet<OpenApiTag>();
        document.Tags.Add(new OpenApiTag { Name = "Proxy" });
    }

    /// <summary>A route pattern as an OpenAPI path: constraints and catch-all marks dropped.</summary>
    public static string OpenApiPath(string routePattern) =>
        System.Text.RegularExpressions.Regex.Replace(routePattern, @"\{\**([^}:=?]+)[^}]*\}", "{$1}");
}

/// <summary>A query parameter a handler reads from the request itself, for the document.</summary>
internal sealed record QueryParameter(string Name, string Description, bool Required = false)
{
    public OpenApiParameter ToOpenApi() => new()
    {
        Name = Name,
        In = ParameterLocation.Query,
        Required = Required,
        Description = Description,
        Schema = new OpenApiSchema { Type = JsonSchemaType.String },
    };
}
