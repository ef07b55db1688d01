using System.Linq.Expressions;

namespace Gatehouse.OData;

/// <summary>
/// Keyset paging in key order: the rows after the last key a page sent (WHERE key &gt; @last, which the key's index
/// answers directly, however deep the page), and the key of a page's last row for the next token.
/// </summary>
internal static class KeysetPage
{
    /// <summary>The key's own type (the Guid, string or long under the map's boxing).</summary>
    public static Type KeyType<T>(QueryMap<T> map) => Unboxed(map.Key).Type;

    /// <summary>The source narrowed to the rows after <paramref name="after"/>.</summary>
    public static IQueryable<T> After<T>(IQueryable<T> source, QueryMap<T> map, object after)
    {
        var key = Unboxed(map.Key);
        // CompareTo is how LINQ says "greater than" for strings and GUIDs; EF Core turns it into key > @last.
        var compare = Expression.Call(key, key.Type.GetMethod(nameof(IComparable<int>.CompareTo), [key.Type])!, BoxedParameter(after, key.Type));
        var predicate = Expression.Lambda<Func<T, bool>>(Expression.GreaterThan(compare, Expression.Constant(0)), map.Key.Parameters);
        return source.Where(predicate);
    }

    /// <summary>
    /// The projection with the key bound too when it leaves it out, so that a page's last key is known whatever the
    /// $select.
    /// </summary>
    public static Expression<Func<T, T>>? WithKey<T>(Expression<Func<T, T>>? projection, QueryMap<T> map)
    {
        if (projection is not { Body: MemberInitExpression init } || Unboxed(map.Key) is not MemberExpression { Member: var member }
            || init.Bindings.Any(b => b.Member == member))
        {
            return projection;
        }

        var key = Expression.Bind(member, Expression.MakeMemberAccess(projection.Parameters[0], member));
        return Expression.Lambda<Func<T, T>>(init.Update(init.NewExpression, [.. init.Bindings, key]), projection.Parameters);
    }

    private static Expression Unboxed<T>(Expression<Func<T, object>> key) =>
        key.Body is UnaryExpression { NodeType: ExpressionType.Convert } convert ? convert.Operand : key.Body;

    private static Expression BoxedParameter(object value, Type type) =>
        (Expression)typeof(ValueBox<>).MakeGenericType(type).GetMethod(nameof(ValueBox<int>.Parameter))!.Invoke(null, [value])!;
}
