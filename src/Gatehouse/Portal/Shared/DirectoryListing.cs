using Microsoft.AspNetCore.WebUtilities;

namespace Gatehouse.Portal;

/// <summary>What the directory's lists (Users, Groups, Enterprise applications) share: their search box and their page links.</summary>
internal static class DirectoryListing
{
    /// <summary>The longest search the lists compare: no name in the directory is longer.</summary>
    public const int MaximumSearchLength = 256;

    /// <summary>A search as the store can compare it: no control characters (PostgreSQL refuses NUL), bounded, null when empty.</summary>
    public static string? Criterion(string? text)
    {
        var clean = text is null ? "" : new string([.. text.Where(c => !char.IsControl(c))]).Trim();
        return clean.Length == 0 ? null : clean[..Math.Min(clean.Length, MaximumSearchLength)];
    }
}

/// <summary>
/// A list's page links: back to the first page when this one is not it, and on after the last object shown when more
/// follow. Keyset pages have no numbers; a page is "after this object", so a link stays right while objects are added.
/// </summary>
internal sealed record ListPages(string Path, string? Search, bool IsFirst, Guid? Last)
{
    public string First => Link(null);

    public string? Next => Last is { } last ? Link(last) : null;

    private string Link(Guid? after) => QueryHelpers.AddQueryString(Path, new Dictionary<string, string?>
    {
        ["search"] = DirectoryListing.Criterion(Search),
        ["after"] = after?.ToString(),
    }.Where(p => p.Value is not null));
}
