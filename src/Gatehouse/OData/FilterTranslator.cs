using System.Globalization;
using System.Linq.Expressions;
using Microsoft.OData;
using Microsoft.OData.UriParser;

namespace Gatehouse.OData;

/// <summary>
/// $filter (OData 4.01 Part 2 §5.1.1): parsed by Microsoft.OData's syntactic parser, then translated into a LINQ
/// predicate over the resource's <see cref="QueryMap"/> so that EF Core runs it in the database. Anything the map
/// does not allow is refused, never evaluated in memory.
/// </summary>
internal static class FilterTranslator
{
    private const int MaximumDepth = 40;

    public static Outcome<Expression<Func<T, bool>>, QueryError> Translate<T>(string filter, QueryMap<T> map, bool advanced)
    {
        if (Parse(filter) is not { } token)
        {
            return QueryError.Syntax("filter", $"'{filter}' is not a valid filter expression.");
        }

        var root = Expression.Parameter(typeof(T), "x");
        var translated = new Translation(map, root, advanced).Boolean(token, negated: false);
        return translated.Succeeded ? Expression.Lambda<Func<T, bool>>(translated.Value, root) : translated.Error;
    }

    internal static QueryToken? Parse(string text)
    {
        try
        {
            return new UriQueryExpressionParser(MaximumDepth).ParseFilter(text);
        }
        catch (Exception e) when (e is ODataException or OverflowException)
        {
            // A number literal beyond every Edm numeric type (1e400, 33 digits) overflows in the parser itself.
            return null;
        }
    }

    /// <summary>A path the filter compares: an expression with the rules of the property it reads.</summary>
    private sealed record Operand(Expression Expression, QueryProperty Property, Type ValueType);

    /// <summary>A lambda variable in scope: the collection element it ranges over.</summary>
    private sealed record RangeVariable(ParameterExpression Parameter, QueryProperty Collection);

    private sealed class Translation(QueryMap map, ParameterExpression root, bool advanced)
    {
        private readonly Dictionary<string, RangeVariable> ranges = new(StringComparer.Ordinal);

        public Outcome<Expression, QueryError> Boolean(QueryToken token, bool negated) => token switch
        {
            BinaryOperatorToken { OperatorKind: BinaryOperatorKind.And or BinaryOperatorKind.Or } logical => Logical(logical, negated),
            BinaryOperatorToken comparison => Comparison(comparison, negated),
            UnaryOperatorToken { OperatorKind: UnaryOperatorKind.Not } not => Not(not, negated),
            FunctionCallToken function => Function(function, negated),
            InToken @in => In(@in, negated),
            AnyToken any => Any(any, negated),
            _ => QueryError.Syntax("filter", "the expression is not a condition."),
        };

        private Outcome<Expression, QueryError> Logical(BinaryOperatorToken token, bool negated)
        {
            var left = Boolean(token.Left, negated);
            if (!left.Succeeded)
            {
                return left;
            }

            var right = Boolean(token.Right, negated);
            if (!right.Succeeded)
            {
                return right;
            }

            return token.OperatorKind == BinaryOperatorKind.And
                ? Expression.AndAlso(left.Value, right.Value)
                : Expression.OrElse(left.Value, right.Value);
        }

        private Outcome<Expression, QueryError> Not(UnaryOperatorToken token, bool negated)
        {
            var inner = Boolean(token.Operand, negated: !negated);
            return inner.Succeeded ? Expression.Not(inner.Value) : inner;
        }

        private Outcome<Expression, QueryError> Comparison(BinaryOperatorToken token, bool negated)
        {
            var (operation, name) = token.OperatorKind switch
            {
                BinaryOperatorKind.Equal => (FilterOperations.Equals, "eq"),
                BinaryOperatorKind.NotEqual => (FilterOperations.NotEquals, "ne"),
                BinaryOperatorKind.LessThan => (FilterOperations.Range, "lt"),
                BinaryOperatorKind.LessThanOrEqual => (FilterOperations.Range, "le"),
                BinaryOperatorKind.GreaterThan => (FilterOperations.Range, "gt"),
                BinaryOperatorKind.GreaterThanOrEqual => (FilterOperations.Range, "ge"),
                _ => (FilterOperations.None, token.OperatorKind.ToString()),
            };
            if (operation == FilterOperations.None)
            {
                return QueryError.Syntax("filter", $"the operator '{name}' is not supported.");
            }

            var resolved = Resolve(token.Left);
            if (!resolved.Succeeded)
            {
                return resolved.Error;
            }

            var operand = resolved.Value;
            if (token.Right is not LiteralToken literal)
            {
                return QueryError.Syntax("filter", $"the right side of '{name}' must be a literal.");
            }

            if (literal.Value is null)
            {
                if (token.OperatorKind is not (BinaryOperatorKind.Equal or BinaryOperatorKind.NotEqual))
                {
                    return QueryError.Syntax("filter", $"null cannot be compared with '{name}'.");
                }

                if (Allow(operand.Property, FilterOperations.Null | (negated ? FilterOperations.NotEquals : 0), name) is { } nullError)
                {
                    return nullError;
                }

                if (operand.ValueType.IsValueType && Nullable.GetUnderlyingType(operand.Expression.Type) is null)
                {
                    return Expression.Constant(token.OperatorKind == BinaryOperatorKind.NotEqual);
                }

                var nullValue = Expression.Constant(null, operand.Expression.Type);
                return token.OperatorKind == BinaryOperatorKind.Equal
                    ? Expression.Equal(operand.Expression, nullValue)
                    : Expression.NotEqual(operand.Expression, nullValue);
            }

            if (Allow(operand.Property, operation | (negated ? FilterOperations.NotEquals : 0), name) is { } error)
            {
                return error;
            }

            var value = Literal(operand, literal.Value);
            return value.Succeeded ? Compare(token.OperatorKind, operand.Expression, value.Value) : value;
        }

        private Outcome<Expression, QueryError> Function(FunctionCallToken token, bool negated)
        {
            var (operation, method) = token.Name.ToLowerInvariant() switch
            {
                "startswith" => (FilterOperations.StartsWith, nameof(string.StartsWith)),
                "endswith" => (FilterOperations.EndsWith, nameof(string.EndsWith)),
                "contains" => (FilterOperations.Contains, nameof(string.Contains)),
                _ => (FilterOperations.None, ""),
            };
            var arguments = token.Arguments.ToList();
            if (operation == FilterOperations.None)
            {
                return QueryError.Syntax("filter", $"the function '{token.Name}' is not supported.");
            }

            if (arguments.Count != 2 || arguments[1].ValueToken is not LiteralToken { Value: string text })
            {
                return QueryError.Syntax("filter", $"{token.Name} takes a property and a string literal.");
            }

            var resolved = Resolve(arguments[0].ValueToken);
            if (!resolved.Succeeded)
            {
                return resolved.Error;
            }

            var operand = resolved.Value;
            if (operand.ValueType != typeof(string))
            {
                return QueryError.UnsupportedOperator(operand.Property.Name, token.Name, map.Resource);
            }

            if (Allow(operand.Property, operation | (negated ? FilterOperations.NotEquals : 0), token.Name) is { } error)
            {
                return error;
            }

            var normalized = operand.Property.Normalize?.Invoke(text) ?? text;
            Expression call = Expression.Call(operand.Expression, typeof(string).GetMethod(method, [typeof(string)])!, ValueBox<string>.Parameter(normalized));
            if (operation == FilterOperations.StartsWith && operand.Property.PrefixRange && normalized.Length > 0 && normalized[^1] < char.MaxValue)
            {
                // prefix <= value < prefix with its last character raised: exactly the values starting with the prefix
                // under a binary collation, and a range an index answers (LIKE with a parameter is not, on SQLite).
                // Without surrogates UTF-8 byte order is UTF-16 order, so the range alone is exact; a LIKE beside it
                // only makes PostgreSQL underestimate the rows and sort them all instead of reading the index in order.
                var last = normalized[^1];
                var upper = normalized[..^1] + (char)(last + 1);
                var range = Expression.AndAlso(
                    Compare(BinaryOperatorKind.GreaterThanOrEqual, operand.Expression, ValueBox<string>.Parameter(normalized)),
                    Compare(BinaryOperatorKind.LessThan, operand.Expression, ValueBox<string>.Parameter(upper)));
                call = char.IsSurrogate(last) || char.IsSurrogate((char)(last + 1)) ? Expression.AndAlso(range, call) : range;
            }

            // SQL's LIKE on NULL is unknown, and NOT unknown is unknown: a negated test must still match rows without a value.
            return Expression.AndAlso(Expression.NotEqual(operand.Expression, Expression.Constant(null, typeof(string))), call);
        }

        private Outcome<Expression, QueryError> In(InToken token, bool negated)
        {
            var resolved = Resolve(token.Left);
            if (!resolved.Succeeded)
            {
                return resolved.Error;
            }

            var operand = resolved.Value;
            if (Allow(operand.Property, FilterOperations.In | (negated ? FilterOperations.NotEquals : 0), "in") is { } error)
            {
                return error;
            }

            if (token.Right is not LiteralToken { Value: string list } || InList.Split(list) is not { } items)
            {
                return QueryError.Syntax("filter", "'in' takes a parenthesised list of literals.");
            }

            var values = new List<object?>();
            foreach (var item in items)
            {
                if (Parse(item) is not LiteralToken { Value: { } itemValue })
                {
                    return QueryError.Syntax("filter", $"'{item}' is not a literal.");
                }

                var converted = Convert(operand, itemValue);
                if (!converted.Succeeded)
                {
                    return converted.Error;
                }

                values.Add(converted.Value);
            }

            var listType = typeof(List<>).MakeGenericType(operand.Expression.Type);
            var typed = (System.Collections.IList)Activator.CreateInstance(listType)!;
            foreach (var value in values)
            {
                typed.Add(value);
            }

            var box = typeof(ValueBox<>).MakeGenericType(listType);
            var parameter = (Expression)box.GetMethod(nameof(ValueBox<object>.Parameter))!.Invoke(null, [typed])!;
            var contains = typeof(Enumerable).GetMethods()
                .Single(m => m.Name == nameof(Enumerable.Contains) && m.GetParameters().Length == 2)
                .MakeGenericMethod(operand.Expression.Type);
            return Expression.Call(contains, parameter, operand.Expression);
        }

        private Outcome<Expression, QueryError> Any(AnyToken token, bool negated)
        {
            if (token.Parent is not (InnerPathToken or EndPathToken) || PathName(token.Parent) is not { } name)
            {
                return QueryError.Syntax("filter", "any() must follow a collection property.");
            }

            if (map.Find(name) is not { IsCollection: true } collection)
            {
                return map.Find(name) is null
                    ? QueryError.UnknownProperty("filter", name)
                    : QueryError.UnsupportedOperator(name, "any", map.Resource);
            }

            if (Allow(collection, FilterOperations.Any, "any") is { } error)
            {
                return error;
            }

            var element = Expression.Parameter(collection.ElementType!, token.Parameter);
            ranges[token.Parameter] = new RangeVariable(element, collection);
            var body = token.Expression is null ? Expression.Constant(true) : Boolean(token.Expression, negated);
            ranges.Remove(token.Parameter);
            if (!body.Succeeded)
            {
                return body;
            }

            if (collection.BuildAny is { } buildAny)
            {
                return buildAny(root, Expression.Lambda(body.Value, element));
            }

            var any = typeof(Enumerable).GetMethods()
                .Single(m => m.Name == nameof(Enumerable.Any) && m.GetParameters().Length == 2)
                .MakeGenericMethod(collection.ElementType!);
            return Expression.Call(any, Rebind(collection.Selector, root), Expression.Lambda(body.Value, element));
        }

        private Outcome<Operand, QueryError> Resolve(QueryToken token)
        {
            switch (token)
            {
                case RangeVariableToken variable when ranges.TryGetValue(variable.Name, out var range) && range.Collection.ElementMap is null:
                    return new Operand(range.Parameter, range.Collection, range.Parameter.Type);
                case EndPathToken { NextToken: null } path:
                    return Property(map, path.Identifier, root);
                case EndPathToken { NextToken: RangeVariableToken variable } path when ranges.TryGetValue(variable.Name, out var range) && range.Collection.ElementMap is { } elements:
                    return Property(elements, path.Identifier, range.Parameter);
                case EndPathToken { NextToken: not null } path when PathName(path) is { } name && map.Find(name) is not null:
                    // A property of a complex value the map declares by its path (status/errorCode).
                    return Property(map, name, root);
                case EndPathToken { NextToken: not null } path:
                    return QueryError.UnsupportedProperty(PathName(path) ?? path.Identifier, map.Resource);
                default:
                    return QueryError.Syntax("filter", "a condition must start with a property name.");
            }
        }

        private static Outcome<Operand, QueryError> Property(QueryMap owner, string name, ParameterExpression parameter)
        {
            if (owner.Find(name) is not { } property)
            {
                return QueryError.UnknownProperty("filter", name);
            }

            return property.IsCollection
                ? QueryError.UnsupportedOperator(name, "comparison", owner.Resource)
                : new Operand(Rebind(property.Selector, parameter), property, property.ValueType);
        }

        private QueryError? Allow(QueryProperty property, FilterOperations needed, string name)
        {
            if ((property.Default & needed) == needed)
            {
                return null;
            }

            if (((property.Default | property.Advanced) & needed) != needed)
            {
                return QueryError.UnsupportedOperator(property.Name, name, map.Resource);
            }

            return advanced ? null : QueryError.RequiresAdvancedQuery(property.Name, name);
        }

        private static Outcome<Expression, QueryError> Literal(Operand operand, object value)
        {
            var converted = Convert(operand, value);
            if (!converted.Succeeded)
            {
                return converted.Error;
            }

            var box = typeof(ValueBox<>).MakeGenericType(operand.Expression.Type);
            return (Expression)box.GetMethod(nameof(ValueBox<object>.Parameter))!.Invoke(null, [converted.Value])!;
        }

        private static Outcome<object, QueryError> Convert(Operand operand, object value)
        {
            var target = Nullable.GetUnderlyingType(operand.ValueType) ?? operand.ValueType;
            object? converted = (target, value) switch
            {
                _ when target == typeof(string) && value is string text => operand.Property.Normalize?.Invoke(text) ?? text,
                _ when target == typeof(Guid) && value is Guid guid => guid,
                _ when target == typeof(Guid) && value is string text && Guid.TryParse(text, out var parsed) => parsed,
                _ when target == typeof(bool) && value is bool flag => flag,
                _ when target == typeof(DateTimeOffset) && value is DateTimeOffset instant => instant.ToUniversalTime(),
                _ when target == typeof(DateTimeOffset) && DateOnly.TryParseExact(value.ToString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) =>
                    new DateTimeOffset(day, TimeOnly.MinValue, TimeSpan.Zero),
                _ when target.IsEnum && value is string name && Enum.TryParse(target, name, ignoreCase: true, out var member) => member,
                _ when IsNumber(target) && IsNumber(value.GetType()) => ConvertNumber(value, target),
                _ => null,
            };
            // Spelled out: with object as the value type, a bare QueryError would convert to the value.
            return converted is null
                ? Outcome<object, QueryError>.Fail(QueryError.InvalidValue(operand.Property.Name, $"'{value}' is not a {Describe(target)}."))
                : Outcome<object, QueryError>.From(converted);
        }

        /// <summary>The number as the column's type, or null when the column cannot hold it (99999999999 for an int).</summary>
        private static object? ConvertNumber(object value, Type target)
        {
            try
            {
                return System.Convert.ChangeType(value, target, CultureInfo.InvariantCulture);
            }
            catch (OverflowException)
            {
                return null;
            }
        }

        private static bool IsNumber(Type type) =>
            type == typeof(int) || type == typeof(long) || type == typeof(double) || type == typeof(float) || type == typeof(decimal) || type == typeof(short);

        private static string Describe(Type type) =>
            type == typeof(string) ? "string" : type == typeof(bool) ? "Boolean" : type == typeof(Guid) ? "GUID"
            : type == typeof(DateTimeOffset) ? "date and time" : type.IsEnum ? "known value" : "number";

        private static BinaryExpression Compare(BinaryOperatorKind kind, Expression left, Expression right)
        {
            if (left.Type == typeof(string) && kind is not (BinaryOperatorKind.Equal or BinaryOperatorKind.NotEqual))
            {
                // Strings have no < in C#; EF Core translates string.Compare(a, b) against zero to a plain SQL comparison.
                left = Expression.Call(typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!, left, right);
                right = Expression.Constant(0);
            }

            return kind switch
            {
                BinaryOperatorKind.Equal => Expression.Equal(left, right),
                BinaryOperatorKind.NotEqual => Expression.NotEqual(left, right),
                BinaryOperatorKind.LessThan => Expression.LessThan(left, right),
                BinaryOperatorKind.LessThanOrEqual => Expression.LessThanOrEqual(left, right),
                BinaryOperatorKind.GreaterThan => Expression.GreaterThan(left, right),
                _ => Expression.GreaterThanOrEqual(left, right),
            };
        }

        private static string? PathName(QueryToken token) => token switch
        {
            EndPathToken { NextToken: null } end => end.Identifier,
            InnerPathToken { NextToken: null } inner => inner.Identifier,
            EndPathToken { NextToken: { } next } end => PathName(next) is { } prefix ? $"{prefix}/{end.Identifier}" : null,
            InnerPathToken { NextToken: { } next } inner => PathName(next) is { } prefix ? $"{prefix}/{inner.Identifier}" : null,
            _ => null,
        };
    }

    /// <summary>The selector's body with its parameter replaced, so that it reads from <paramref name="parameter"/>.</summary>
    internal static Expression Rebind(LambdaExpression selector, ParameterExpression parameter) =>
        new ParameterReplacer(selector.Parameters[0], parameter).Visit(selector.Body);

    private sealed class ParameterReplacer(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
