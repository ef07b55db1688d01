namespace Gatehouse.Connectors.Instances;

/// <summary>A new instance, and its instance token: the only time the token is shown.</summary>
internal sealed record CreatedInstance(HubInstance Instance, string Token);
