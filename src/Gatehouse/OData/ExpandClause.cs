using System.Text.RegularExpressions;

namespace Gatehouse.OData;

/// <summary>$expand (OData 4.01 Part 2 §5.1.2): navigation properties, each with an optional nested $select.</summary>
internal sealed partial record ExpandClause(string Navigation, string? Select)
{
    public static Outcome<IReadOnlyList<ExpandClause>, QueryError> Parse(string? text)
    {
        if (text is null)
        {
            return Outcome<IReadOnlyList<ExpandClause>, QueryError>.From([]);
        }

        var clauses = new List<ExpandClause>();
        foreach (Match match in Item().Matches(text))
        {
            clauses.Add(new ExpandClause(match.Groups["name"].Value, match.Groups["select"].Success ? match.Groups["select"].Value : null));
        }

        // Every character must belong to an item or a separating comma.
        var covered = string.Join(",", Item().Matches(text).Select(m => m.Value.Trim()));
        return covered.Replace(" ", "", StringComparison.Ordinal) == text.Replace(" ", "", StringComparison.Ordinal) && clauses.Count > 0
            ? clauses
            : QueryError.Syntax("expand", $"'{text}' is not a list of navigation properties.");
    }

    [GeneratedRegex(@"\s*(?<name>[A-Za-z_][A-Za-z0-9_]*)(\(\s*\$select\s*=\s*(?<select>[A-Za-z0-9_,\s]+)\))?\s*")]
    private static partial Regex Item();
}
