using System.Globalization;
using System.Text;

namespace Gatehouse.Connectors.Api;

internal enum WhereTokenKind
{
    Word,
    String,
    Number,
    Operator,
    Open,
    Close,
    Comma,
    End,
}

/// <summary>One token of a `where`, with its zero-based position for error messages.</summary>
internal sealed record WhereToken(WhereTokenKind Kind, string Text, int Position);

/// <summary>The tokens of a `where`: words, single-quoted strings ('' is a quote), numbers, operators and punctuation.</summary>
internal static class WhereTokens
{
    private static readonly HashSet<string> Keywords = new(StringComparer.OrdinalIgnoreCase) { "and", "or", "like", "in", "not", "true", "false", "null" };

    public static bool IsKeyword(string word) => Keywords.Contains(word);

    public static Outcome<List<WhereToken>, string> Read(string where)
    {
        var tokens = new List<WhereToken>();
        var i = 0;
        while (i < where.Length)
        {
            var c = where[i];
            var start = i;
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c is '(' or ')' or ',')
            {
                tokens.Add(new(c == '(' ? WhereTokenKind.Open : c == ')' ? WhereTokenKind.Close : WhereTokenKind.Comma, c.ToString(), start));
                i++;
            }
            else if (c == '\'')
            {
                var text = new StringBuilder();
                i++;
                while (true)
                {
                    if (i >= where.Length)
                    {
                        return $"where has a string opened at position {start + 1} that is never closed.";
                    }

                    if (where[i] == '\'')
                    {
                        if (i + 1 < where.Length && where[i + 1] == '\'')
                        {
                            text.Append('\'');
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    text.Append(where[i++]);
                }

                tokens.Add(new(WhereTokenKind.String, text.ToString(), start));
            }
            else if (c is '=' or '!' or '<' or '>')
            {
                var two = i + 1 < where.Length ? where.Substring(i, 2) : "";
                var op = two is "!=" or "<>" or ">=" or "<=" ? two : c == '!' ? null : c.ToString();
                if (op is null)
                {
                    return $"where has '!' at position {start + 1}, which is not an operator: use != for not equal.";
                }

                tokens.Add(new(WhereTokenKind.Operator, op, start));
                i += op.Length;
            }
            else if (char.IsAsciiDigit(c) || (c == '-' && i + 1 < where.Length && char.IsAsciiDigit(where[i + 1])))
            {
                i++;
                while (i < where.Length && (char.IsAsciiDigit(where[i]) || where[i] == '.'))
                {
                    i++;
                }

                var number = where[start..i];
                if (!decimal.TryParse(number, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _))
                {
                    return $"where has '{number}' at position {start + 1}, which is not a number.";
                }

                tokens.Add(new(WhereTokenKind.Number, number, start));
            }
            else if (char.IsAsciiLetter(c) || c == '_')
            {
                while (i < where.Length && (char.IsAsciiLetterOrDigit(where[i]) || where[i] == '_'))
                {
                    i++;
                }

                tokens.Add(new(WhereTokenKind.Word, where[start..i], start));
            }
            else
            {
                return $"where has '{c}' at position {start + 1}, which is not part of the query language.";
            }
        }

        tokens.Add(new(WhereTokenKind.End, "", where.Length));
        return tokens;
    }
}
