using System.Diagnostics;
using Gatehouse.Graph.Applications;
using Gatehouse.Graph.AuditLogs;
using Gatehouse.Graph.Calendars;
using Gatehouse.Graph.Devices;
using Gatehouse.Graph.DirectoryRoles;
using Gatehouse.Graph.Domains;
using Gatehouse.Graph.Groups;
using Gatehouse.Graph.Metadata;
using Gatehouse.Graph.OAuth2PermissionGrants;
using Gatehouse.Graph.References;
using Gatehouse.Graph.Organization;
using Gatehouse.Graph.ServicePrincipals;
using Gatehouse.Graph.Users;
using Gatehouse.ResourceServer;

namespace Gatehouse.Graph;

/// <summary>The Microsoft Graph-compatible surface at /v1.0 and /beta (the same resources under both).</summary>
internal static class GraphRegistration
{
    private static readonly ActivitySource Activities = new("Gatehouse.Graph");

    /// <summary>The cross-origin policy of browser callers (docs/protocol/graph-dataverse.md §7).</summary>
    private const string BrowserPolicy = "graph";

    public static IServiceCollection AddGraph(this IServiceCollection services, GraphThrottleOptions throttling)
    {
        services.AddResourceServer();
        services.AddBrowserCallers(BrowserPolicy, "request-id", "client-request-id", "Preference-Applied");
        services.AddSingleton(throttling);
        services.AddSingleton<GraphThrottle>();
        services.AddSingleton<GraphGate>();
        services.AddScoped<AdministratorCheck>();
        services.AddScoped<GroupAccess>();
        services.AddScoped<ServicePrincipalViews>();
        return services;
    }

    /// <summary>
    /// The resources under each version prefix, every one behind the Activity, the gate and the throttle, in that order;
    /// a preflight is answered by the CORS middleware before any of them, so it needs no token and is not counted.
    /// </summary>
    public static WebApplication MapGraph(this WebApplication app)
    {
        var gate = app.Services.GetRequiredService<GraphGate>();
        var throttle = app.Services.GetRequiredService<GraphThrottle>();
        var initiator = new GraphAuditInitiator(gate);
        var activity = new EndpointActivity(Activities, "graph", gate.TagCaller);
        foreach (var version in GraphGate.Versions)
        {
            app.MapGet(version + "/$metadata", GraphMetadata.Handle);
            var graph = app.MapGroup(version).RequireCors(BrowserPolicy);
            graph.AddEndpointFilter(activity).AddEndpointFilter(gate).AddEndpointFilter(throttle).AddEndpointFilter(initiator).WithMetadata(GraphFailures.Instance);
            graph.MapUsers();
            graph.MapGroups();
            graph.MapDirectoryRoles();
            graph.MapOrganization();
            graph.MapDomains();
            graph.MapDevices();
            graph.MapCalendars();
            graph.MapApplications();
            graph.MapServicePrincipals();
            graph.MapUserAppRoleAssignments();
            graph.MapPermissionGrants();
            graph.MapMemberGroups();
            graph.MapAuditLogs();
            // Optional: the service root itself with a verb it has no route for (PATCH /v1.0/) matches with no segments.
            graph.Map("/{**segments}", (string? segments) => GraphErrors.SegmentNotFound((segments ?? "").Split('/')[0]));
        }

        return app;
    }
}
