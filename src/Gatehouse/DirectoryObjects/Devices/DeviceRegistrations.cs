using Gatehouse.Data;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.DirectoryObjects.Devices;

/// <summary>Registers, changes and deletes devices.</summary>
internal sealed class DeviceRegistrations(GatehouseDb db, TimeProvider clock, DirectoryReferences references)
{
    private static readonly string[] TrustTypes = ["Workplace", "AzureAd", "ServerAd"];

    public async Task<Outcome<Device, DirectoryError>> CreateAsync(Guid tenantId, NewDevice request, CancellationToken cancellationToken)
    {
        if (Check(request.DisplayName, request.TrustType) is { } invalid)
        {
            return invalid;
        }

        if (string.IsNullOrWhiteSpace(request.DisplayName))
        {
            return DirectoryError.Invalid("A device needs a display name.");
        }

        var deviceId = request.DeviceId ?? Guid.NewGuid();
        if (await db.Devices.AnyAsync(d => d.TenantId == tenantId && d.DeviceId == deviceId, cancellationToken))
        {
            return DirectoryError.Conflict($"A device with the deviceId '{deviceId}' already exists.");
        }

        var device = new Device
        {
            Id = Guid.NewGuid(),
            TenantId = tenantId,
            DeviceId = deviceId,
            DisplayName = request.DisplayName.Trim(),
            AccountEnabled = request.AccountEnabled,
            OperatingSystem = request.OperatingSystem,
            OperatingSystemVersion = request.OperatingSystemVersion,
            TrustType = request.TrustType,
            RegistrationDateTime = clock.StoreNow(),
        };
        db.Devices.Add(device);
        await db.SaveChangesAsync(cancellationToken);
        return device;
    }

    public Task<Device?> FindAsync(Guid tenantId, Guid id, CancellationToken cancellationToken) =>
        db.Devices.FirstOrDefaultAsync(d => d.TenantId == tenantId && d.Id == id, cancellationToken);

    public Task<Device?> FindByDeviceIdAsync(Guid tenantId, Guid deviceId, CancellationToken cancellationToken) =>
        db.Devices.FirstOrDefaultAsync(d => d.TenantId == tenantId && d.DeviceId == deviceId, cancellationToken);

    public async Task<Outcome<Device, DirectoryError>> UpdateAsync(Guid tenantId, Guid id, DeviceChanges changes, CancellationToken cancellationToken)
    {
        var device = await FindAsync(tenantId, id, cancellationToken);
        if (device is null)
        {
            return DirectoryError.NotFound($"Device {id} was not found.");
        }

        if (Check(changes.DisplayName, changes.TrustType) is { } invalid)
        {
            return invalid;
        }

        if (changes.DisplayName is { } name && name.Trim().Length == 0)
        {
            return DirectoryError.Invalid("A device needs a display name.");
        }

        device.DisplayName = changes.DisplayName?.Trim() ?? device.DisplayName;
        device.AccountEnabled = changes.AccountEnabled ?? device.AccountEnabled;
        device.OperatingSystem = changes.OperatingSystem ?? device.OperatingSystem;
        device.OperatingSystemVersion = changes.OperatingSystemVersion ?? device.OperatingSystemVersion;
        device.TrustType = changes.TrustType ?? device.TrustType;
        device.IsCompliant = changes.IsCompliant ?? device.IsCompliant;
        device.IsManaged = changes.IsManaged ?? device.IsManaged;
        await db.SaveChangesAsync(cancellationToken);
        return device;
    }

    /// <summary>Deletes a device; it leaves the groups it was a member of.</summary>
    public async Task<Outcome<Device, DirectoryError>> DeleteAsync(Guid tenantId, Guid id, CancellationToken cancellationToken)
    {
        var device = await FindAsync(tenantId, id, cancellationToken);
        if (device is null)
        {
            return DirectoryError.NotFound($"Device {id} was not found.");
        }

        await references.DeleteAsync(tenantId, id, device, cancellationToken);
        return device;
    }

    private static DirectoryError? Check(string? displayName, string? trustType) =>
        displayName?.Trim().Length > Device.MaximumDisplayNameLength
            ? DirectoryError.Invalid($"A display name must be at most {Device.MaximumDisplayNameLength} characters.")
            : trustType is not null && !TrustTypes.Contains(trustType)
                ? DirectoryError.Invalid("trustType must be Workplace, AzureAd or ServerAd.")
                : null;
}

internal sealed record NewDevice(
    string DisplayName,
    Guid? DeviceId = null,
    bool AccountEnabled = true,
    string? OperatingSystem = null,
    string? OperatingSystemVersion = null,
    string? TrustType = null);

/// <summary>What a device update changes: a property left null is kept.</summary>
internal sealed record DeviceChanges
{
    public string? DisplayName { get; init; }
    public bool? AccountEnabled { get; init; }
    public string? OperatingSystem { get; init; }
    public string? OperatingSystemVersion { get; init; }
    public string? TrustType { get; init; }
    public bool? IsCompliant { get; init; }
    public bool? IsManaged { get; init; }
}
