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
    public static async Task<(QueryPage<T>? Page, QueryError? Error)> PageAsync<T>(
        IQueryable<T> source,
        QueryMap<T> map,
        QueryOptions options,
        bool advanced,
        int pageSize,
        CancellationToken cancellationToken,
        Expression<Func<T, T>>? projection = null)
    {
        var (filtered, error) = Where(source, map, options, advanced);
        if (error is not null)
        {
            return (null, error);
        }

        var (orderBy, orderError) = OrderByClause.ParseOrDefault(options, map, advanced);
        if (orderError is not null)
        {
            return (null, orderError);
        }

        var (offset, tokenError) = SkipToken.Read(options.SkipToken);
        if (tokenError is not null)
        {
            return (null, tokenError);
        }

        long? count = options.Count ? await filtered!.LongCountAsync(cancellationToken) : null;
        var page = OrderByClause.Apply(filtered!, orderBy!, map.Key).Skip(offset).Take(pageSize + 1);
        var rows = await (projection is null ? page : page.Select(projection)).ToListAsync(cancellationToken);
        var next = rows.Count > pageSize ? SkipToken.Next(offset + pageSize) : null;
        return (new QueryPage<T>(rows.Count > pageSize ? rows[..pageSize] : rows, count, next), null);
    }

    /// <summary>The source narrowed by $filter and $search.</summary>
    public static (IQueryable<T>? Query, QueryError? Error) Where<T>(IQueryable<T> source, QueryMap<T> map, QueryOptions options, bool advanced)
    {
        if (options.Filter is not null)
        {
            var (predicate, error) = FilterTranslator.Translate(options.Filter, map, advanced);
            if (error is not null)
            {
                return (null, error);
            }

            source = source.Where(predicate!);
        }

        if (options.Search is not null)
        {
            var (predicate, error) = SearchClause.Translate(options.Search, map);
            if (error is not null)
            {
                return (null, error);
            }

            source = source.Where(predicate!);
        }

        return (source, null);
    }
}
