namespace Gatehouse.OData;

/// <summary>
/// The parser hands the right side of `in` over as its text, "('a','b')": this splits it into its literals, keeping
/// commas inside quotes (and '' escapes) intact.
/// </summary>
internal static class InList
{
    public static IReadOnlyList<string>? Split(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length < 2 || trimmed[0] != '(' || trimmed[^1] != ')')
        {
            return null;
        }

        var items = new List<string>();
        var inner = trimmed[1..^1];
        var start = 0;
        var quoted = false;
        for (var i = 0; i < inner.Length; i++)
        {
            if (inner[i] == '\'')
            {
                quoted = !quoted;
            }
            else if (inner[i] == ',' && !quoted)
            {
                items.Add(inner[start..i].Trim());
                start = i + 1;
            }
        }

        items.Add(inner[start..].Trim());
        return quoted || items.Any(i => i.Length == 0) ? null : items;
    }
}
