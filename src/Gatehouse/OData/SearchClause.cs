using System.Linq.Expressions;
using System.Text.RegularExpressions;

namespace Gatehouse.OData;

/// <summary>
/// $search in the directory form Graph documents: quoted "property:words" terms joined by AND / OR. Every word of a
/// term must occur in the property (case-insensitively); AND binds tighter than OR.
/// </summary>
internal static partial class SearchClause
{
    public static Outcome<Expression<Func<T, bool>>, QueryError> Translate<T>(string text, QueryMap<T> map)
    {
        var parameter = Expression.Parameter(typeof(T), "x");
        Expression? any = null;
        Expression? all = null;
        var position = 0;
        foreach (Match match in Term().Matches(text))
        {
            if (match.Index != position)
            {
                return QueryError.Syntax("search", $"'{text}' is not a list of quoted \"property:words\" terms.");
            }

            position = match.Index + match.Length;
            var name = match.Groups["name"].Value;
            if (map.Find(name) is not { Searchable: true } property)
            {
                return map.Find(name) is null
                    ? QueryError.UnknownProperty("search", name)
                    : new QueryError(QueryErrorKind.UnsupportedProperty, $"Searching on property '{name}' is not supported.", name);
            }

            var target = FilterTranslator.Rebind(property.Selector, parameter);
            Expression term = Expression.NotEqual(target, Expression.Constant(null, typeof(string)));
            foreach (var word in match.Groups["words"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var value = property.Normalize?.Invoke(word) ?? word;
                term = Expression.AndAlso(term, Expression.Call(target, typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!, ValueBox<string>.Parameter(value)));
            }

            all = all is null ? term : Expression.AndAlso(all, term);
            if (!match.Groups["join"].Success || match.Groups["join"].Value.Equals("OR", StringComparison.Ordinal))
            {
                any = any is null ? all : Expression.OrElse(any, all);
                all = null;
            }
        }

        if (position != text.Length || any is null || all is not null)
        {
            return QueryError.Syntax("search", $"'{text}' is not a list of quoted \"property:words\" terms.");
        }

        return Expression.Lambda<Func<T, bool>>(any, parameter);
    }

    [GeneratedRegex("\\s*\"(?<name>[A-Za-z_][A-Za-z0-9_]*):(?<words>[^\"]*)\"\\s*((?<join>AND|OR)(?=\\s*\")\\s*)?")]
    private static partial Regex Term();
}
