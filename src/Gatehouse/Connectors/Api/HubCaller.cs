using Gatehouse.Connectors.Instances;

namespace Gatehouse.Connectors.Api;

/// <summary>Who is calling: an organization's user, and for calls through an instance, the instance its token names.</summary>
internal sealed record HubCaller(Guid OrganizationId, Guid UserId, HubInstance? Instance);
