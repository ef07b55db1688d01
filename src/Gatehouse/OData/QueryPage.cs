using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.OData;

/// <summary>One page of a query's results, with the total when $count asked for it and the token of the next page.</summary>
internal sealed record QueryPage<T>(IReadOnlyList<T> Items, long? Count, string? NextSkipToken);

/// <summary>
/// Runs a resource query in the database: filter and search as WHERE, $orderby (or a prefix-indexed property the filter requires) then the key as ORDER BY, the page as
/// LIMIT (one row more than the page tells whether another follows) after the last key sent when the order is the key
/// alone, else after an OFFSET, and the count as its own COUNT query.
/// A projection, when given, makes the page read only the columns it names.
/// </summary>
internal static class QueryRunner
{
    public static async Task<Outcome<QueryPage<T>, QueryError>> PageAsync<T>(
        IQueryable<T> source,
        QueryMap<T> map,
        QueryOptions options,
        bool advanced,
        int pageSize,
        CancellationToken cancellationToken,
        Expression<Func<T, T>>? projection = null)
    {
        var filtered = Where(source, map, options, advanced);
        if (!filtered.Succeeded)
        {
            return filtered.Error;
        }

        var orderBy = OrderByClause.ParseOrDefault(options, map, advanced);
        if (!orderBy.Succeeded)
        {
            return orderBy.Error;
        }

        var keyset = orderBy.Value.Count == 0;
        var position = SkipToken.ReadPosition(options.SkipToken, KeysetPage.KeyType(map));
        if (!position.Succeeded || (position.Value.AfterKey is not null && !keyset))
        {
            return position.Succeeded ? SkipToken.Invalid : position.Error;
        }

        long? count = options.Count ? await filtered.Value.LongCountAsync(cancellationToken) : null;
        var (offset, after) = (position.Value.Offset, position.Value.AfterKey);
        var ordered = OrderByClause.Apply(after is null ? filtered.Value : KeysetPage.After(filtered.Value, map, after), orderBy.Value, map.Key);
        var page = (offset > 0 ? ordered.Skip(offset) : ordered).Take(pageSize + 1);
        var read = keyset ? KeysetPage.WithKey(projection, map) : projection;
        var rows = await (read is null ? page : page.Select(read)).ToListAsync(cancellationToken);
        if (rows.Count <= pageSize)
        {
            return new QueryPage<T>(rows, count, null);
        }

        var next = keyset ? SkipToken.After(map.KeyOf(rows[pageSize - 1])) : SkipToken.Next(offset + pageSize);
        return new QueryPage<T>(rows[..pageSize], count, next);
    }

    /// <summary>The source narrowed by $filter and $search.</summary>
    public static Outcome<IQueryable<T>, QueryError> Where<T>(IQueryable<T> source, QueryMap<T> map, QueryOptions options, bool advanced)
    {
        if (options.Filter is not null)
        {
            var predicate = FilterTranslator.Translate(options.Filter, map, advanced);
            if (!predicate.Succeeded)
            {
                return predicate.Error;
            }

            source = source.Where(predicate.Value);
        }

        if (options.Search is not null)
        {
            var predicate = SearchClause.Translate(options.Search, map);
            if (!predicate.Succeeded)
            {
                return predicate.Error;
            }

            source = source.Where(predicate.Value);
        }

        return Outcome<IQueryable<T>, QueryError>.From(source);
    }
}
