using Gatehouse.Connectors.Providers;

namespace Gatehouse.Connectors.Instances;

/// <summary>Where an instance's calls go: its organisation's address (none for an element with one address) and the API there.</summary>
internal sealed record InstanceTarget(string? OrganizationUrl, ProviderApi Api);
