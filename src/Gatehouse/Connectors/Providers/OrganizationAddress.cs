namespace Gatehouse.Connectors.Providers;

/// <summary>An organisation's address as tokens name it: https://host, no path (docs/protocol/graph-dataverse.md §6).</summary>
internal static class OrganizationAddress
{
    /// <summary>The address from a host name (contoso.crm.dynamics.com) or an https URL; null when the value is neither.</summary>
    public static string? Normalize(string value)
    {
        var candidate = value.Contains("://", StringComparison.Ordinal) ? value : "https://" + value;
        return Uri.TryCreate(candidate, UriKind.Absolute, out var url) && url.Scheme == Uri.UriSchemeHttps
            && url.AbsolutePath == "/" && url.Query.Length == 0 && url.Fragment.Length == 0 && url.UserInfo.Length == 0
            && url.HostNameType == UriHostNameType.Dns
            ? url.GetLeftPart(UriPartial.Authority).ToLowerInvariant()
            : null;
    }
}
