using System.Text.Json;
using Gatehouse.Data;
using Gatehouse.DirectoryObjects.Devices;
using Microsoft.EntityFrameworkCore;
using static Gatehouse.Graph.GraphPermission;

namespace Gatehouse.Graph.Devices;

/// <summary>
/// /devices and /devices(deviceId='…') (docs/protocol/graph-dataverse.md §2.6). Writes need Device.ReadWrite.All as an
/// application permission, or Directory.AccessAsUser.All for a signed-in Global Administrator.
/// </summary>
internal static class DeviceEndpoints
{
    private static readonly GraphOperation Read = new(
        [DeviceReadAll, DirectoryReadAll, DirectoryReadWriteAll, DirectoryAccessAsUserAll],
        [DeviceReadAll, DeviceReadWriteAll, DirectoryReadAll, DirectoryReadWriteAll]);

    private static readonly GraphOperation Change = new([DirectoryAccessAsUserAll], [DeviceReadWriteAll, DirectoryReadWriteAll]);

    private static readonly string[] Updatable =
        ["displayName", "accountEnabled", "operatingSystem", "operatingSystemVersion", "trustType", "isCompliant", "isManaged"];

    public static void MapDevices(this RouteGroupBuilder graph)
    {
        graph.MapGet("/devices", ListAsync).Requires(Read);
        graph.MapGet("/devices/$count", CountAsync).Requires(Read);
        graph.MapPost("/devices", CreateAsync).Requires(Change);
        graph.MapGet("/devices(deviceId='{deviceId}')", GetByDeviceIdAsync).Requires(Read);
        graph.MapGet("/devices/{id}", GetAsync).Requires(Read);
        graph.MapPatch("/devices/{id}", UpdateAsync).Requires(Change);
        graph.MapDelete("/devices/{id}", DeleteAsync).Requires(Change);
    }

    private static IQueryable<Device> InTenant(GatehouseDb db, GraphRequest request) =>
        db.Devices.AsNoTracking().Where(d => d.TenantId == request.TenantId);

    private static Task<IResult> ListAsync(GraphRequest request, GatehouseDb db, CancellationToken cancellationToken) =>
        GraphQuery.ListAsync(request, InTenant(db, request), DeviceResource.Query, DeviceResource.Shape, "devices", DeviceResource.DefaultPageSize, withType: false, cancellationToken);

    private static Task<IResult> CountAsync(GraphRequest request, GatehouseDb db, CancellationToken cancellationToken) =>
        GraphQuery.CountAsync(request, InTenant(db, request), DeviceResource.Query, DeviceResource.Shape.Type, cancellationToken);

    private static async Task<IResult> GetAsync(string id, GraphRequest request, DeviceRegistrations devices, CancellationToken cancellationToken) =>
        Write(request, Guid.TryParse(id, out var objectId) ? await devices.FindAsync(request.TenantId, objectId, cancellationToken) : null, id);

    private static async Task<IResult> GetByDeviceIdAsync(string deviceId, GraphRequest request, DeviceRegistrations devices, CancellationToken cancellationToken) =>
        Write(request, Guid.TryParse(deviceId, out var id) ? await devices.FindByDeviceIdAsync(request.TenantId, id, cancellationToken) : null, deviceId);

    private static IResult Write(GraphRequest request, Device? device, string id)
    {
        var read = GraphQuery.Read(request, DeviceResource.Shape);
        return !read.Succeeded ? read.Error
            : device is null ? GraphErrors.NotFound(id)
            : GraphResponses.Entity(request, "devices", DeviceResource.Shape.Write(device, read.Value.Select), read.Value.Select);
    }

    private static async Task<IResult> CreateAsync(GraphRequest request, DeviceRegistrations devices, AdministratorCheck administrators, CancellationToken cancellationToken)
    {
        if (!await administrators.IsGlobalAdministratorOrAppAsync(request, cancellationToken))
        {
            return GraphErrors.AccessDenied();
        }

        var read = await GraphBody.ReadObjectAsync(request.Context.Request, cancellationToken);
        if (!read.Succeeded)
        {
            return read.Error;
        }

        var body = read.Value;
        if (Check(body, creating: true) is { } invalid)
        {
            return invalid;
        }

        var created = await devices.CreateAsync(
            request.TenantId,
            new NewDevice(
                body.Text("displayName")!,
                Guid.TryParse(body.Text("deviceId"), out var deviceId) ? deviceId : null,
                !body.TryGetProperty("accountEnabled", out var enabled) || enabled.GetBoolean(),
                body.Text("operatingSystem"),
                body.Text("operatingSystemVersion"),
                body.Text("trustType")),
            cancellationToken);
        return created.Succeeded
            ? GraphResponses.Entity(request, "devices", DeviceResource.Shape.Write(created.Value), status: StatusCodes.Status201Created)
            : GraphErrors.Directory(created.Error);
    }

    private static async Task<IResult> UpdateAsync(string id, GraphRequest request, DeviceRegistrations devices, AdministratorCheck administrators, CancellationToken cancellationToken)
    {
        if (!await administrators.IsGlobalAdministratorOrAppAsync(request, cancellationToken))
        {
            return GraphErrors.AccessDenied();
        }

        var read = await GraphBody.ReadObjectAsync(request.Context.Request, cancellationToken);
        if (!read.Succeeded)
        {
            return read.Error;
        }

        var body = read.Value;
        if (Check(body, creating: false) is { } invalid)
        {
            return invalid;
        }

        var updated = await devices.UpdateAsync(request.TenantId, Guid.TryParse(id, out var objectId) ? objectId : Guid.Empty, new DeviceChanges
        {
            DisplayName = body.Text("displayName"),
            AccountEnabled = body.TryGetProperty("accountEnabled", out var enabled) ? enabled.GetBoolean() : null,
            OperatingSystem = body.Text("operatingSystem"),
            OperatingSystemVersion = body.Text("operatingSystemVersion"),
            TrustType = body.Text("trustType"),
            IsCompliant = body.TryGetProperty("isCompliant", out var compliant) ? compliant.GetBoolean() : null,
            IsManaged = body.TryGetProperty("isManaged", out var managed) ? managed.GetBoolean() : null,
        }, cancellationToken);
        return updated.Succeeded ? Results.NoContent() : GraphErrors.Directory(updated.Error, id);
    }

    private static async Task<IResult> DeleteAsync(string id, GraphRequest request, DeviceRegistrations devices, AdministratorCheck administrators, CancellationToken cancellationToken)
    {
        if (!await administrators.IsGlobalAdministratorOrAppAsync(request, cancellationToken))
        {
            return GraphErrors.AccessDenied();
        }

        var deleted = await devices.DeleteAsync(request.TenantId, Guid.TryParse(id, out var objectId) ? objectId : Guid.Empty, cancellationToken);
        return deleted.Succeeded ? Results.NoContent() : GraphErrors.Directory(deleted.Error, id);
    }

    /// <summary>Known properties with their JSON types; instance annotations (the SDK's @odata.type) are ignored.</summary>
    private static GraphError? Check(JsonElement body, bool creating)
    {
        foreach (var property in body.EnumerateObject().Where(p => !p.Name.StartsWith('@')))
        {
            var known = Updatable.Contains(property.Name) || (creating && property.Name is "deviceId" or "alternativeSecurityIds");
            var wellTyped = property.Name switch
            {
                "accountEnabled" or "isCompliant" or "isManaged" => property.Value.ValueKind is JsonValueKind.True or JsonValueKind.False,
                "alternativeSecurityIds" => property.Value.ValueKind == JsonValueKind.Array,
                "deviceId" => Guid.TryParse(property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : null, out _),
                _ => property.Value.ValueKind == JsonValueKind.String,
            };
            if (!known || !wellTyped)
            {
                return Invalid(property.Name);
            }
        }

        return creating && string.IsNullOrWhiteSpace(body.Text("displayName")) ? Invalid("displayName") : null;
    }

    private static GraphError Invalid(string property) =>
        GraphErrors.BadRequest($"Invalid value specified for property '{property}' of resource 'Device'.");
}
