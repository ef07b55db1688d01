using System.Text.RegularExpressions;

namespace Gatehouse.DirectoryObjects.Tenants;

internal static partial class DomainNames
{
    // RFC 1035 §2.3.1 labels, at least two of them.
    [GeneratedRegex("^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$")]
    private static partial Regex DomainPattern();

    public static bool IsValid(string name) => DomainPattern().IsMatch(name);
}
