namespace Gatehouse.Connectors.Providers;

/// <summary>
/// A normalised resource of an element: the hub path callers use (with {id} for a parent's ID) and where it lives
/// at the provider; <paramref name="WindowPath"/> answers a `where` on a time window (start/end).
/// </summary>
internal sealed record HubResource(string Path, string ProviderPath, string? WindowPath = null);
