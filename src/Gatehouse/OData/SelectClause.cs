namespace Gatehouse.OData;

/// <summary>
/// $select (OData 4.01 Part 2 §5.1.3): the properties to return, checked against what the resource has, as the
/// resource spells them; <see cref="All"/> (no names) when the request has no $select.
/// </summary>
internal sealed record SelectClause(IReadOnlyList<string>? Names)
{
    public static SelectClause All { get; } = new((IReadOnlyList<string>?)null);

    public static Outcome<SelectClause, QueryError> Parse(string? text, IEnumerable<string> known)
    {
        if (text is null)
        {
            return All;
        }

        var byName = known.ToDictionary(k => k, StringComparer.OrdinalIgnoreCase);
        var names = new List<string>();
        foreach (var item in text.Split(',', StringSplitOptions.TrimEntries))
        {
            if (item.Length == 0 || !byName.TryGetValue(item, out var name))
            {
                return QueryError.UnknownProperty("select", item);
            }

            if (!names.Contains(name))
            {
                names.Add(name);
            }
        }

        return new SelectClause(names);
    }
}
