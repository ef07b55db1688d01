namespace Gatehouse.Identity.Issuance;

/// <summary>
/// One device authorization (RFC 8628 §3.2): the device code and the user code are kept only as SHA-256 hashes. The
/// person approves or declines it at /devicelogin; the device's poll that finds it approved redeems it, once.
/// </summary>
internal sealed class DeviceAuthorization
{
    /// <summary>base64url(SHA-256(device_code)).</summary>
    public string DeviceCodeHash { get; set; } = "";

    /// <summary>base64url(SHA-256(user code as typed, upper case, without separators)).</summary>
    public string UserCodeHash { get; set; } = "";

    /// <summary>
    /// A code asked for on /common or /organizations has no tenant (<see cref="AnyTenant"/>) until the person who enters
    /// it approves: then it is theirs.
    /// </summary>
    public Guid TenantId { get; set; }

    public static readonly Guid AnyTenant = Guid.Empty;

    /// <summary>The client's appId.</summary>
    public Guid ClientId { get; set; }

    /// <summary>The appId of the API the access token is for.</summary>
    public Guid ResourceAppId { get; set; }

    /// <summary>Space-separated: the resource's scopes asked for and the OIDC scopes; on approval, what the tokens carry.</summary>
    public string Scope { get; set; } = "";

    public DeviceAuthorizationStatus Status { get; set; }

    /// <summary>Who approved it.</summary>
    public Guid? UserId { get; set; }

    public DateTimeOffset CreatedDateTime { get; set; }
    public DateTimeOffset ExpiresDateTime { get; set; }

    /// <summary>When the device last asked; a poll sooner than the interval after it is told to slow down.</summary>
    public DateTimeOffset? LastPolledDateTime { get; set; }
}

internal enum DeviceAuthorizationStatus
{
    Pending,
    Approved,
    Declined,
    Redeemed,
}
