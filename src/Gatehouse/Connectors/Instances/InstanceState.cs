namespace Gatehouse.Connectors.Instances;

/// <summary>What an instance reports about its credentials.</summary>
internal static class InstanceState
{
    public const string Healthy = "healthy";
    public const string Refreshing = "refreshing";
    public const string NeedsReAuthentication = "needs re-authentication";
    public const string Disabled = "disabled";

    /// <summary>The state a caller sees: disabled wins, then a refresh in progress, then what the store says.</summary>
    public static string Of(HubInstance instance, DateTimeOffset now) =>
        instance.Disabled ? Disabled
        : instance.LeaseExpiresDateTime > now ? Refreshing
        : instance.State;
}
