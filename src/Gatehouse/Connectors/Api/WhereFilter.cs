using System.Text;

namespace Gatehouse.Connectors.Api;

/// <summary>
/// Cloud Elements' `where` query language as an OData $filter: comparisons (=, !=, &gt;, &lt;, &gt;=, &lt;=) of a
/// field with a quoted string, a number, true, false or null; <c>like</c> with % at the start, the end or both
/// (endswith, startswith, contains); <c>in (…)</c>; <c>and</c>, <c>or</c> and parentheses. Anything else is refused
/// with the position it was found at.
/// </summary>
internal static class WhereFilter
{
    public const int LongestExpression = 4096;
    private const int DeepestNesting = 32;

    /// <summary>The $filter, or why the expression is not one this hub can translate.</summary>
    public static Outcome<string, string> Translate(string where)
    {
        if (where.Length > LongestExpression)
        {
            return Outcome<string, string>.Fail($"where is longer than {LongestExpression} characters.");
        }

        var tokens = WhereTokens.Read(where);
        if (!tokens.Succeeded)
        {
            return Outcome<string, string>.Fail(tokens.Error);
        }

        // Stopping before the end without a problem of its own means a token that no and/or joins: Unexpected names it.
        var parser = new Parser(tokens.Value);
        return parser.Or(0) is { } filter && parser.AtEnd
            ? Outcome<string, string>.From(filter)
            : Outcome<string, string>.Fail(parser.Problem ?? parser.Unexpected("and, or or the end", unbalanced: true));
    }

    private sealed class Parser(IReadOnlyList<WhereToken> tokens)
    {
        private int next;

        public string? Problem { get; private set; }

        public bool AtEnd => tokens[next].Kind == WhereTokenKind.End;

        // and binds tighter than or, as in OData (OData ABNF: andExpr before orExpr).
        public string? Or(int depth) => Chain("or", () => Chain("and", () => Primary(depth)));

        /// <param name="unbalanced">At the outermost level, where a ')' closes nothing.</param>
        public string Unexpected(string expected, bool unbalanced = false)
        {
            var token = tokens[next];
            return token.Kind == WhereTokenKind.End ? $"where ends where {expected} was expected."
                : unbalanced && token.Kind == WhereTokenKind.Close ? $"where has an unbalanced parenthesis: the ')' at position {token.Position + 1} closes nothing."
                : $"where has '{token.Text}' at position {token.Position + 1} where {expected} was expected.";
        }

        /// <summary>Operands joined by the word, until one fails.</summary>
        private string? Chain(string word, Func<string?> operand)
        {
            var left = operand();
            while (left is not null && Accept(WhereTokenKind.Word, word))
            {
                var right = operand();
                left = right is null ? null : $"{left} {word} {right}";
            }

            return left;
        }

        private string? Primary(int depth)
        {
            if (Accept(WhereTokenKind.Open))
            {
                if (depth >= DeepestNesting)
                {
                    return Fail($"where nests parentheses deeper than {DeepestNesting}.");
                }

                var inner = Or(depth + 1);
                return inner is null ? null
                    : Accept(WhereTokenKind.Close) ? $"({inner})"
                    : Fail(tokens[next].Kind == WhereTokenKind.End ? "where has an unbalanced parenthesis: a '(' is never closed." : Unexpected("')'"));
            }

            return Comparison();
        }

        private string? Comparison()
        {
            var field = tokens[next];
            if (field.Kind != WhereTokenKind.Word || WhereTokens.IsKeyword(field.Text))
            {
                return Fail(Unexpected("a field name"));
            }

            next++;
            var op = tokens[next];
            if (op.Kind == WhereTokenKind.Operator)
            {
                next++;
                var value = Value();
                return value is null ? null : $"{field.Text} {ODataOperator(op.Text)} {value}";
            }

            if (Accept(WhereTokenKind.Word, "like"))
            {
                return Like(field.Text);
            }

            if (Accept(WhereTokenKind.Word, "in"))
            {
                return In(field.Text);
            }

            return Fail(op.Kind == WhereTokenKind.End
                ? $"where ends after the field '{field.Text}' where an operator was expected."
                : $"where has '{op.Text}' at position {op.Position + 1}, which is not an operator: use =, !=, >, <, >=, <=, like or in.");
        }

        private string? Like(string field)
        {
            var pattern = tokens[next];
            if (pattern.Kind != WhereTokenKind.String)
            {
                return Fail(Unexpected("a quoted pattern"));
            }

            next++;
            var text = pattern.Text;
            var leading = text.StartsWith('%');
            var trailing = text.Length > (leading ? 1 : 0) && text.EndsWith('%');
            var inner = text[(leading ? 1 : 0)..(trailing ? ^1 : ^0)];
            if (inner.Contains('%', StringComparison.Ordinal))
            {
                return Fail($"like '{text}' at position {pattern.Position + 1} has a % that is neither leading nor trailing.");
            }

            var quoted = Quote(inner);
            return (leading, trailing) switch
            {
                (true, true) => $"contains({field},{quoted})",
                (false, true) => $"startswith({field},{quoted})",
                (true, false) => $"endswith({field},{quoted})",
                _ => $"{field} eq {quoted}",
            };
        }

        private string? In(string field)
        {
            if (!Accept(WhereTokenKind.Open))
            {
                return Fail(Unexpected("'(' after in"));
            }

            var values = new List<string>();
            do
            {
                if (Value() is not { } value)
                {
                    return null;
                }

                values.Add($"{field} eq {value}");
            }
            while (Accept(WhereTokenKind.Comma));

            return Accept(WhereTokenKind.Close) ? $"({string.Join(" or ", values)})" : Fail(Unexpected("',' or ')' in the in list"));
        }

        private string? Value()
        {
            var token = tokens[next];
            var value = token.Kind switch
            {
                WhereTokenKind.String => Quote(token.Text),
                WhereTokenKind.Number => token.Text,
                WhereTokenKind.Word when token.Text.ToLowerInvariant() is "true" or "false" or "null" => token.Text.ToLowerInvariant(),
                _ => null,
            };
            if (value is null)
            {
                return Fail(Unexpected("a quoted string, a number, true, false or null"));
            }

            next++;
            return value;
        }

        private bool Accept(WhereTokenKind kind, string? word = null)
        {
            var token = tokens[next];
            if (token.Kind != kind || (word is not null && !string.Equals(token.Text, word, StringComparison.OrdinalIgnoreCase)))
            {
                return false;
            }

            next++;
            return true;
        }

        private string? Fail(string problem)
        {
            Problem ??= problem;
            return null;
        }

        private static string ODataOperator(string op) => op switch
        {
            "=" => "eq",
            "!=" or "<>" => "ne",
            ">" => "gt",
            "<" => "lt",
            ">=" => "ge",
            _ => "le",
        };

        // OData ABNF: a quote inside a string literal is written twice.
        private static string Quote(string text) => new StringBuilder("'").Append(text.Replace("'", "''", StringComparison.Ordinal)).Append('\'').ToString();
    }
}
