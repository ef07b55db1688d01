using Gatehouse.PortalApi;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Gatehouse.Hosting;

/// <summary>
/// What the management document says of each of its operations: the routes are Hosting's and the portal API's own,
/// mapped without OpenAPI metadata, so their ids, summaries, tags and security are named here, by method and route.
/// </summary>
internal static class ManagementOperations
{
    private const string BearerScheme = "bearer";

    private static readonly string[] Prefixes = ["/admin/", "/healthz", "/ca.pem"];

    private static readonly Dictionary<string, Operation> Operations = new(StringComparer.OrdinalIgnoreCase)
    {
        ["GET /healthz"] = new("GetHealth", "Health", "Whether the store answers",
            "200 `Healthy` or 503 `Unhealthy`, as plain text; while the clock is moved (--allow-clock-offset), two more lines give the offset and the time it reads. Served over plain HTTP too, for probes.",
            Authenticated: false),
        ["GET /ca.pem"] = new("GetCertificateAuthority", "Certificates", "The certificate authority of Microsoft's hostnames, as PEM",
            "Trust it to reach Gatehouse under login.microsoftonline.com, graph.microsoft.com and the other hostnames it stands in for.",
            Authenticated: false),
        ["GET /admin/clock"] = new("GetClock", "Clock", "The server's clock: its offset and the time it reads",
            "For a Global Administrator with a Microsoft Graph token; 403 unless the server runs with --allow-clock-offset. Errors are Graph's {\"error\":{\"code\",\"message\"}}.",
            Authenticated: true),
        ["POST /admin/clock"] = new("ChangeClock", "Clock", "Move the clock: {\"advance\":\"91d\"}, {\"set\":\"2027-03-01T09:00:00Z\"} or {\"reset\":true}",
            "For a Global Administrator with a Microsoft Graph token; every node of the store follows. 403 unless the server runs with --allow-clock-offset.",
            Authenticated: true),
        ["POST /api/RegisteredApplications/{appId}/Consent"] = new("GrantAdminConsent", "Portal API", "Grant admin consent to an app's permissions for the tenant",
            "The Azure portal's own API, as `az ad app permission admin-consent` calls it, with a token for the portal's audience (ADIbizaUX). 204 when granted.",
            Authenticated: true),
    };

    /// <summary>Whether an operation belongs to the management document: Hosting's own routes and the portal's API (whose group shares /api with Dataverse).</summary>
    public static bool Includes(ApiDescription description) =>
        description.ActionDescriptor.EndpointMetadata.OfType<PortalApiFailures>().Any()
        || (description.RelativePath is { } path && Prefixes.Any(p => ("/" + path).StartsWith(p, StringComparison.Ordinal)));

    public static Task DescribeDocumentAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "Gatehouse management";
        document.Info.Description = "Gatehouse's own management over HTTPS: health, the certificate authority, the test clock, and the Azure portal API call the Azure CLI makes. "
            + "The connector hub has its own document at " + OpenApiDocuments.HubDocumentPath + ".";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "An access token from Gatehouse's token service: Microsoft Graph's audience for /admin, the Azure portal's (ADIbizaUX) for /api.",
        };
        document.Tags ??= new HashSet<OpenApiTag>();
        foreach (var tag in Operations.Values.Select(o => o.Tag).Distinct())
        {
            document.Tags.Add(new OpenApiTag { Name = tag });
        }

        document.Servers = [new OpenApiServer { Url = "/" }];
        return Task.CompletedTask;
    }

    public static Task DescribeOperationAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (!Operations.TryGetValue($"{context.Description.HttpMethod} /{context.Description.RelativePath}", out var described))
        {
            return Task.CompletedTask;
        }

        operation.OperationId = described.Id;
        operation.Summary = described.Summary;
        operation.Description = described.Description;
        operation.Tags = new HashSet<OpenApiTagReference> { new(described.Tag, context.Document) };
        if (described.Authenticated)
        {
            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] }];
        }

        return Task.CompletedTask;
    }

    private sealed record Operation(string Id, string Tag, string Summary, string Description, bool Authenticated);
}
