using Gatehouse.DirectoryObjects.Calendars;
using Gatehouse.DirectoryObjects.Users;
using Gatehouse.Graph.Applications;
using Gatehouse.Graph.AuditLogs;
using Gatehouse.Graph.Calendars;
using Gatehouse.Graph.Devices;
using Gatehouse.Graph.DirectoryRoles;
using Gatehouse.Graph.Domains;
using Gatehouse.Graph.Groups;
using Gatehouse.Graph.OAuth2PermissionGrants;
using Gatehouse.Graph.Organization;
using Gatehouse.Graph.ServicePrincipals;
using Gatehouse.Graph.Users;

namespace Gatehouse.Graph.Metadata;

/// <summary>
/// What Gatehouse's Graph serves, as $metadata declares it: each entity type is a resource's <see cref="GraphShape{T}"/>
/// (the same one its handlers write), with the navigation properties its routes follow, and the entity sets and
/// singletons at the service root.
/// </summary>
internal static class GraphModel
{
    public const string DirectoryObject = "directoryObject";

    private static readonly GraphShape<Event> EventShape = EventResource.Shape(PreferredTimeZone.Utc);
    private static readonly WrittenShape CalendarShape = new("calendar", CalendarResource.Write(new Calendar(), new User()));

    public static IReadOnlyList<EntityType> Types { get; } =
    [
        new(UserResource.Shape, DirectoryObject,
        [
            new("memberOf", DirectoryObject, Collection: true),
            new("manager", DirectoryObject, Collection: false),
            new("appRoleAssignments", AppRoleAssignmentResource.Shape.Type, Collection: true),
            new("calendar", CalendarShape.Type, Collection: false),
            new("calendars", CalendarShape.Type, Collection: true),
            new("events", EventShape.Type, Collection: true),
            new("calendarView", EventShape.Type, Collection: true),
        ]),
        new(GroupResource.Shape, DirectoryObject,
        [
            new("members", DirectoryObject, Collection: true),
            new("owners", DirectoryObject, Collection: true),
        ]),
        new(ApplicationResource.Shape, DirectoryObject, [new("owners", DirectoryObject, Collection: true)]),
        new(ServicePrincipalResource.Shape, DirectoryObject,
        [
            new("appRoleAssignments", AppRoleAssignmentResource.Shape.Type, Collection: true),
            new("appRoleAssignedTo", AppRoleAssignmentResource.Shape.Type, Collection: true),
        ]),
        new(DeviceResource.Shape, DirectoryObject, []),
        new(DirectoryRoleResource.Shape, DirectoryObject, [new("members", DirectoryObject, Collection: true)]),
        new(DomainResource.Shape, null, []),
        new(OrganizationResource.Shape, DirectoryObject, []),
        new(PermissionGrantEndpoints.Shape, null, []),
        new(AppRoleAssignmentResource.Shape, DirectoryObject, []),
        new(SignInResource.Shape, null, []),
        new(DirectoryAuditResource.Shape, null, []),
        new(CalendarShape, null, [new("events", EventShape.Type, Collection: true), new("calendarView", EventShape.Type, Collection: true)]),
        new(EventShape, null, []),
    ];

    public static IReadOnlyList<EntitySet> EntitySets { get; } =
    [
        new("users", UserResource.Shape.Type),
        new("groups", GroupResource.Shape.Type),
        new("applications", ApplicationResource.Shape.Type),
        new("servicePrincipals", ServicePrincipalResource.Shape.Type),
        new("devices", DeviceResource.Shape.Type),
        new("directoryRoles", DirectoryRoleResource.Shape.Type),
        new("domains", DomainResource.Shape.Type),
        new("organization", OrganizationResource.Shape.Type),
        new("oauth2PermissionGrants", PermissionGrantEndpoints.Shape.Type),
    ];

    /// <summary>The signed-in user, and the audit log root whose contained sets are the sign-in and audit logs.</summary>
    public static IReadOnlyList<EntitySet> Singletons { get; } =
    [
        new("me", UserResource.Shape.Type),
        new("auditLogs", AuditLogRoot),
    ];

    public const string AuditLogRoot = "auditLogRoot";

    public static IReadOnlyList<Navigation> AuditLogNavigations { get; } =
    [
        new("signIns", SignInResource.Shape.Type, Collection: true),
        new("directoryAudits", DirectoryAuditResource.Shape.Type, Collection: true),
    ];

    /// <param name="BaseType">directoryObject for directory objects; null for the others, which derive from entity.</param>
    internal sealed record EntityType(IGraphShape Shape, string? BaseType, IReadOnlyList<Navigation> Navigations);

    internal sealed record Navigation(string Name, string Type, bool Collection);

    internal sealed record EntitySet(string Name, string Type);
}
