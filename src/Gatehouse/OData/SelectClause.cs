namespace Gatehouse.OData;

/// <summary>$select (OData 4.01 Part 2 §5.1.3): the properties to return, checked against what the resource has.</summary>
internal static class SelectClause
{
    /// <summary>The selected names as the resource spells them, or null when $select was not given.</summary>
    public static (IReadOnlyList<string>? Names, QueryError? Error) Parse(string? text, IEnumerable<string> known)
    {
        if (text is null)
        {
            return (null, null);
        }

        var byName = known.ToDictionary(k => k, StringComparer.OrdinalIgnoreCase);
        var names = new List<string>();
        foreach (var item in text.Split(',', StringSplitOptions.TrimEntries))
        {
            if (item.Length == 0 || !byName.TryGetValue(item, out var name))
            {
                return (null, QueryError.UnknownProperty("select", item));
            }

            if (!names.Contains(name))
            {
                names.Add(name);
            }
        }

        return (names, null);
    }
}
