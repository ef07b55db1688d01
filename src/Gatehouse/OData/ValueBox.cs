using System.Linq.Expressions;

namespace Gatehouse.OData;

/// <summary>
/// Holds a literal so that EF Core sends it as a parameter rather than inlining it into the SQL text: the query plan
/// is then shared by every value, and no literal reaches the SQL unescaped.
/// </summary>
internal sealed class ValueBox<T>(T value)
{
    public T Value { get; } = value;

    public static Expression Parameter(T value) =>
        Expression.Property(Expression.Constant(new ValueBox<T>(value)), nameof(Value));
}
