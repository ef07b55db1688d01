using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.OData;

/// <summary>One page of a query's results, with the total when $count asked for it and the token of the next page.</summary>
internal sealed record QueryPage<T>(IReadOnlyList<T> Items, long? Count, string? NextSkipToken);

/// <summary>
/// Runs a resource query in the database: filter and search as WHERE, $orderby (or a prefix-indexed property the filter requires) then the key as ORDER BY, the page as
/// OFFSET/LIMIT (one row more than the page tells whether another follows), and the count as its own COUNT query.
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

        var offset = SkipToken.Read(options.SkipToken);
        if (!offset.Succeeded)
        {
            return offset.Error;
        }

        long? count = options.Count ? await filtered.Value.LongCountAsync(cancellationToken) : null;
        var page = OrderByClause.Apply(filtered.Value, orderBy.Value, map.Key).Skip(offset.Value).Take(pageSize + 1);
        var rows = await (projection is null ? page : page.Select(projection)).ToListAsync(cancellationToken);
        var next = rows.Count > pageSize ? SkipToken.Next(offset.Value + pageSize) : null;
        return new QueryPage<T>(rows.Count > pageSize ? rows[..pageSize] : rows, count, next);
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
