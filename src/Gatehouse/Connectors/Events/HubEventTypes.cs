namespace Gatehouse.Connectors.Events;

internal static class HubEventTypes
{
    public const string Refreshed = "instance.refreshed";
    public const string RefreshFailed = "instance.refresh_failed";
    public const string NeedsReAuthentication = "instance.needs_reauthentication";
    public const string SecretExpiring = "instance.secret_expiring";
}
