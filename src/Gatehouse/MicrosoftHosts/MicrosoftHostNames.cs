using System.Collections.Frozen;

namespace Gatehouse.MicrosoftHosts;

/// <summary>
/// The public cloud's hostnames Gatehouse answers for, through its proxy or by name (docs/protocol/microsoft-hosts.md §1),
/// and which of them a request arrived under.
/// </summary>
internal static class MicrosoftHostNames
{
    public const string Login = "login.microsoftonline.com";
    public const string LoginWindows = "login.windows.net";
    public const string LoginMicrosoft = "login.microsoft.com";
    public const string Sts = "sts.windows.net";
    public const string Graph = "graph.microsoft.com";
    public const string AadGraph = "graph.windows.net";
    public const string ResourceManager = "management.azure.com";
    public const string ServiceManagement = "management.core.windows.net";
    public const string PortalApi = "main.iam.ad.ext.azure.com";

    /// <summary>Every Dataverse organisation host is {org}.crm.dynamics.com.</summary>
    public const string DataverseSuffix = ".crm.dynamics.com";

    /// <summary>The hosts served under their own name; Dataverse organisations are matched by <see cref="DataverseSuffix"/>.</summary>
    public static readonly IReadOnlyList<string> Fixed =
        [Login, LoginWindows, LoginMicrosoft, Sts, Graph, AadGraph, ResourceManager, ServiceManagement, PortalApi];

    /// <summary>The token service's hosts: Entra answers under each of them, and names login.microsoftonline.com.</summary>
    public static readonly IReadOnlyList<string> TokenService = [Login, LoginWindows, LoginMicrosoft, Sts];

    // Every request of every surface asks which host it came under: sets, not list searches.
    private static readonly FrozenSet<string> FixedSet = Fixed.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    private static readonly FrozenSet<string> TokenServiceSet = TokenService.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public static bool IsServed(string host) => FixedSet.Contains(host) || IsDataverseOrganization(host);

    public static bool IsTokenService(string host) => TokenServiceSet.Contains(host);

    public static bool IsGraph(string host) => string.Equals(host, Graph, StringComparison.OrdinalIgnoreCase);

    public static bool IsDataverseOrganization(string host) =>
        host.EndsWith(DataverseSuffix, StringComparison.OrdinalIgnoreCase)
        && host.Length > DataverseSuffix.Length
        && !host.AsSpan(0, host.Length - DataverseSuffix.Length).Contains('.');
}
