namespace Gatehouse.Connectors.Providers;

/// <summary>
/// A normalised resource of an element: the hub path callers use (with {id} for a parent's ID) and where it lives
/// at the provider; <paramref name="WindowPath"/> answers a `where` on a time window (start/end);
/// <paramref name="ItemPath"/> (with {key}) is one item, for get, update and delete; <paramref name="Filters"/>
/// says a `where` becomes an OData $filter.
/// </summary>
internal sealed record HubResource(string Path, string ProviderPath, string? WindowPath = null, string? ItemPath = null, bool Filters = false);
