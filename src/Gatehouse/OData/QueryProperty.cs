using System.Linq.Expressions;

namespace Gatehouse.OData;

/// <summary>
/// One property a resource lets callers query: the entity expression it stands for and what may be done with it.
/// Operations in <see cref="Default"/> always work; those only in <see cref="Advanced"/> need the surface's advanced mode.
/// </summary>
internal sealed class QueryProperty
{
    public required string Name { get; init; }

    /// <summary>The entity expression filters compare against (for case-insensitive text, already normalised).</summary>
    public required LambdaExpression Selector { get; init; }

    /// <summary>The entity expression $orderby sorts by; the selector unless given.</summary>
    public LambdaExpression? OrderSelector { get; init; }

    public FilterOperations Default { get; init; }

    public FilterOperations Advanced { get; init; }

    public Sorting Sorting { get; init; }

    /// <summary>Whether $search may look for words in it.</summary>
    public bool Searchable { get; init; }

    /// <summary>Applied to text literals before comparing, when the selector reads a normalised form.</summary>
    public Func<string, string>? Normalize { get; init; }

    /// <summary>
    /// Set when the selector reads a column that compares byte by byte (SQLite's BINARY, PostgreSQL's "C"): startswith
    /// then also bounds it as a range, which the column's index answers.
    /// </summary>
    public bool PrefixRange { get; init; }

    /// <summary>For a collection: the element type, and for elements that are objects, their own properties.</summary>
    public Type? ElementType { get; init; }

    public QueryMap? ElementMap { get; init; }

    /// <summary>
    /// For a collection that no one expression of the entity yields (its parts live in other tables or in code):
    /// builds any() from the entity expression and the predicate on an element, in place of the selector.
    /// </summary>
    public Func<Expression, LambdaExpression, Expression>? BuildAny { get; init; }

    public bool IsCollection => ElementType is not null;

    /// <summary>The type literals compare with: the selector's type, or the element type of a collection.</summary>
    public Type ValueType => ElementType ?? Selector.ReturnType;
}

internal enum Sorting
{
    None,
    Default,
    Advanced,
}
