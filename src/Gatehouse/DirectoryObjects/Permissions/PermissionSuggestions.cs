namespace Gatehouse.DirectoryObjects.Permissions;

/// <summary>Close matches for a mistyped permission name, so a refusal can say what was probably meant.</summary>
internal static class PermissionSuggestions
{
    public static IReadOnlyList<string> For(string typed, IEnumerable<string> known, int count = 5)
    {
        var wanted = typed.Trim().ToLowerInvariant();
        return known
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(name => (name, distance: Distance(wanted, name.ToLowerInvariant())))
            .Where(c => c.distance <= Math.Max(3, wanted.Length / 3) || c.name.Contains(wanted, StringComparison.OrdinalIgnoreCase))
            .OrderBy(c => c.distance)
            .ThenBy(c => c.name, StringComparer.Ordinal)
            .Take(count)
            .Select(c => c.name)
            .ToList();
    }

    // Levenshtein distance over two rows.
    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), substitution);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
