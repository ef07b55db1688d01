using System.Text.Json.Nodes;
using Gatehouse.OData;

namespace Gatehouse.Graph;

/// <summary>
/// Graph's rules over the shared OData options (docs/protocol/graph-dataverse.md §3): $top 1–999 with the resource's
/// default page size, advanced queries only with ConsistencyLevel: eventual and $count=true, $search only with the
/// header, $filter with $orderby only as an advanced query, @odata.count on the first page.
/// </summary>
internal static class GraphQuery
{
    public const int MaximumPageSize = 999;

    public static Task<IResult> ListAsync<T>(
        GraphRequest request,
        IQueryable<T> source,
        QueryMap<T> map,
        GraphShape<T> shape,
        string contextPath,
        int defaultPageSize,
        bool withType,
        CancellationToken cancellationToken,
        IReadOnlyList<GraphExpansion<T>>? expansions = null) =>
        ListAsync(request, source, map, shape.Projection, (items, _) => Task.FromResult(items), shape, contextPath, defaultPageSize, withType, expansions, cancellationToken);

    /// <summary>
    /// The same, for a resource whose wire form needs more than its row: <paramref name="view"/> turns each page's rows
    /// into what <paramref name="shape"/> writes (with one query per page, not per row).
    /// </summary>
    public static Task<IResult> ListAsync<T, TView>(
        GraphRequest request,
        IQueryable<T> source,
        QueryMap<T> map,
        Func<IReadOnlyList<T>, CancellationToken, Task<IReadOnlyList<TView>>> view,
        GraphShape<TView> shape,
        string contextPath,
        int defaultPageSize,
        bool withType,
        CancellationToken cancellationToken) =>
        ListAsync(request, source, map, _ => null, view, shape, contextPath, defaultPageSize, withType, expansions: null, cancellationToken);

    private static async Task<IResult> ListAsync<T, TView>(
        GraphRequest request,
        IQueryable<T> source,
        QueryMap<T> map,
        Func<IReadOnlyList<string>?, System.Linq.Expressions.Expression<Func<T, T>>?> projection,
        Func<IReadOnlyList<T>, CancellationToken, Task<IReadOnlyList<TView>>> view,
        GraphShape<TView> shape,
        string contextPath,
        int defaultPageSize,
        bool withType,
        IReadOnlyList<GraphExpansion<T>>? expansions,
        CancellationToken cancellationToken)
    {
        var read = Read(request, shape);
        if (!read.Succeeded)
        {
            return read.Error;
        }

        var (options, select) = read.Value;
        var pageSize = options.Top ?? defaultPageSize;
        var advanced = request.EventualConsistency && options.Count;
        if (options.Filter is not null && options.OrderBy is not null && !advanced)
        {
            return new GraphError(StatusCodes.Status400BadRequest, "Request_UnsupportedQuery", "Sorting not supported for current query.");
        }

        var expand = GraphExpansions.Parse(options, expansions ?? [], shape.Type, advanced);
        if (!expand.Succeeded)
        {
            return expand.Error;
        }

        var counted = options with { Count = advanced && options.SkipToken is null };
        // An expansion reads the navigation's key columns too, so the page is read whole.
        var page = await QueryRunner.PageAsync(
            source, map, counted, advanced, pageSize, cancellationToken, expand.Value.Expansion is null ? projection(select) : null);
        if (!page.Succeeded)
        {
            return GraphErrors.Query(page.Error, shape.Type);
        }

        var items = page.Value.Items;
        var written = (await view(items, cancellationToken)).Select(item => shape.Write(item, select, withType)).ToList();
        await GraphExpansions.ApplyAsync(expand.Value, items, written, cancellationToken);
        return GraphResponses.Collection(request, contextPath, written, page.Value.Count, page.Value.NextSkipToken, select);
    }

    /// <summary>One entity as a GET by id writes it: its $select, and the $expand of one navigation.</summary>
    public static async Task<IResult> EntityAsync<T>(
        GraphRequest request, T item, GraphShape<T> shape, string contextPath, IReadOnlyList<GraphExpansion<T>> expansions, CancellationToken cancellationToken)
    {
        var read = Read(request, shape);
        if (!read.Succeeded)
        {
            return read.Error;
        }

        var expand = GraphExpansions.Parse(read.Value.Options, expansions, shape.Type, advanced: false);
        if (!expand.Succeeded)
        {
            return expand.Error;
        }

        var select = read.Value.Select;
        var written = new List<JsonObject> { shape.Write(item, select) };
        await GraphExpansions.ApplyAsync(expand.Value, [item], written, cancellationToken);
        return GraphResponses.Entity(request, contextPath, written[0], select);
    }

    /// <summary>
    /// Outlook collections (events, calendarView): every $filter and $orderby the resource allows, without the
    /// directory's advanced-query rules; <paramref name="defaultOrderBy"/> when $orderby is absent; $skip (Outlook's
    /// paging, docs/protocol/graph-dataverse.md §2.8) as well as the nextLink's $skiptoken.
    /// </summary>
    public static async Task<IResult> ListItemsAsync<T>(
        GraphRequest request,
        IQueryable<T> source,
        QueryMap<T> map,
        GraphShape<T> shape,
        string contextPath,
        int defaultPageSize,
        string defaultOrderBy,
        Func<T, IReadOnlyList<string>?, System.Text.Json.Nodes.JsonObject> write,
        CancellationToken cancellationToken)
    {
        var read = Read(request, shape);
        if (!read.Succeeded)
        {
            return read.Error;
        }

        var (options, select) = read.Value;
        var skipText = request.Context.Request.Query.TryGetValue("$skip", out var withDollar) ? withDollar.ToString() : request.Context.Request.Query["skip"].ToString();
        var skip = 0;
        if (skipText.Length > 0 && !int.TryParse(skipText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out skip))
        {
            return GraphErrors.BadRequest($"Invalid value '{skipText}' for $skip.");
        }

        var paged = options with
        {
            OrderBy = options.OrderBy ?? defaultOrderBy,
            Count = options.Count && options.SkipToken is null && skip == 0,
            SkipToken = options.SkipToken ?? (skip > 0 ? SkipToken.Next(skip) : null),
        };
        var page = await QueryRunner.PageAsync(source, map, paged, advanced: true, options.Top ?? defaultPageSize, cancellationToken);
        return page.Succeeded
            ? GraphResponses.Collection(request, contextPath, page.Value.Items.Select(item => write(item, select)), page.Value.Count, page.Value.NextSkipToken, select)
            : GraphErrors.Query(page.Error, shape.Type);
    }

    /// <summary>The text/plain count of /$count, which needs ConsistencyLevel: eventual.</summary>
    public static async Task<IResult> CountAsync<T>(GraphRequest request, IQueryable<T> source, QueryMap<T> map, string type, CancellationToken cancellationToken)
    {
        if (!request.EventualConsistency)
        {
            return GraphErrors.CountNeedsEventualConsistency();
        }

        var options = QueryOptions.Parse(request.Context.Request.Query);
        if (!options.Succeeded)
        {
            return GraphErrors.Query(options.Error, type);
        }

        var filtered = QueryRunner.Where(source, map, options.Value, advanced: true);
        if (!filtered.Succeeded)
        {
            return GraphErrors.Query(filtered.Error, type);
        }

        var count = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.LongCountAsync(filtered.Value, cancellationToken);
        return Results.Text(count.ToString(System.Globalization.CultureInfo.InvariantCulture), "text/plain", null, StatusCodes.Status200OK);
    }

    /// <summary>The request's query options under Graph's limits, and its $select checked against the shape's names.</summary>
    public static Outcome<GraphQueryOptions, GraphError> Read<T>(GraphRequest request, GraphShape<T> shape) =>
        Read(request, shape.Names, shape.Type);

    /// <summary>The request's query options under Graph's limits, and its $select checked against the names given.</summary>
    public static Outcome<GraphQueryOptions, GraphError> Read(GraphRequest request, IEnumerable<string> names, string type)
    {
        var parsed = QueryOptions.Parse(request.Context.Request.Query);
        if (!parsed.Succeeded)
        {
            return GraphErrors.Query(parsed.Error, type);
        }

        var options = parsed.Value;
        if (options.Top is < 1 or > MaximumPageSize)
        {
            return GraphErrors.InvalidPageSize(options.Top.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (options.Search is not null && !request.EventualConsistency)
        {
            return GraphErrors.SearchNeedsEventualConsistency();
        }

        var select = SelectClause.Parse(options.Select, names);
        return select.Succeeded ? new GraphQueryOptions(options, select.Value.Names) : GraphErrors.Query(select.Error, type);
    }
}
