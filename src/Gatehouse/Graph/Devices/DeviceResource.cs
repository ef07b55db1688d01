using Gatehouse.DirectoryObjects.Devices;
using Gatehouse.OData;

namespace Gatehouse.Graph.Devices;

/// <summary>The device resource (docs/protocol/graph-dataverse.md §2.6): its properties, and what $filter and $orderby may use.</summary>
internal static class DeviceResource
{
    public const int DefaultPageSize = 100;

    public static GraphShape<Device> Shape { get; } = new GraphShape<Device>("device")
        .Add("id", d => d.Id)
        .Add("deletedDateTime", _ => null)
        .Add("accountEnabled", d => d.AccountEnabled)
        .Add("approximateLastSignInDateTime", d => d.ApproximateLastSignInDateTime)
        .Add("deviceId", d => d.DeviceId)
        .Add("displayName", d => d.DisplayName)
        .Add("isCompliant", d => d.IsCompliant)
        .Add("isManaged", d => d.IsManaged)
        .Add("operatingSystem", d => d.OperatingSystem)
        .Add("operatingSystemVersion", d => d.OperatingSystemVersion)
        .Add("registrationDateTime", d => d.RegistrationDateTime)
        .Add("trustType", d => d.TrustType);

    public static QueryMap<Device> Query { get; } = new QueryMap<Device>("Device", d => d.Id)
        .Property("id", d => d.Id, FilterOperations.Equals | FilterOperations.In, FilterOperations.NotEquals)
        .Property("deviceId", d => d.DeviceId, FilterOperations.Equals | FilterOperations.In, FilterOperations.NotEquals)
        .Normalized("displayName", d => d.NormalizedDisplayName, Device.Normalize,
            FilterOperations.Equals | FilterOperations.In | FilterOperations.StartsWith, FilterOperations.NotEquals, Sorting.Default, searchable: true)
        .Property("accountEnabled", d => d.AccountEnabled, FilterOperations.Equals, FilterOperations.NotEquals)
        .Text("operatingSystem", d => d.OperatingSystem, FilterOperations.Equals | FilterOperations.StartsWith, FilterOperations.NotEquals | FilterOperations.Null)
        .Text("operatingSystemVersion", d => d.OperatingSystemVersion, FilterOperations.Equals | FilterOperations.StartsWith, FilterOperations.NotEquals | FilterOperations.Null)
        .Text("trustType", d => d.TrustType, FilterOperations.Equals | FilterOperations.In, FilterOperations.NotEquals | FilterOperations.Null);
}
