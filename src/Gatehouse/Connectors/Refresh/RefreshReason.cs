namespace Gatehouse.Connectors.Refresh;

internal enum RefreshReason
{
    /// <summary>The background service found the token near expiry or a day old.</summary>
    Due,

    /// <summary>The provider answered 401 to the token the caller used, or it has expired.</summary>
    Rejected,

    /// <summary>A new API secret is tried; it replaces the old one only if the authority accepts it.</summary>
    SecretRotation,
}
