using System.Text.Json.Nodes;
using Gatehouse.OData;

namespace Gatehouse.Graph;

/// <summary>
/// A navigation property $expand may follow on a resource (users' manager and directReports, groups' members and
/// owners): how to read it for a whole page in the database, keyed by the entity's id. A single-valued navigation
/// writes an object (or null), a collection an array of at most <see cref="MaximumItems"/> objects, as Graph caps
/// expanded directory objects (reference/graph-dataverse.md §3, $expand).
/// </summary>
internal sealed record GraphExpansion<T>(
    string Navigation,
    Func<IReadOnlyList<T>, IReadOnlyList<string>?, CancellationToken, Task<ILookup<Guid, JsonObject>>> LoadAsync,
    Func<T, Guid> Key,
    bool SingleValued)
{
    public const int MaximumItems = 20;
}

internal static class GraphExpansions
{
    /// <summary>The expansion $expand asks for, or Graph's 400 when it names none or more than one this resource has.</summary>
    public static (GraphExpansion<T>? Expansion, IReadOnlyList<string>? Select, GraphError? Error) Parse<T>(
        QueryOptions options, IReadOnlyList<GraphExpansion<T>> expansions, string type, bool advanced)
    {
        if (options.Expand is null)
        {
            return (null, null, null);
        }

        if (advanced)
        {
            return (null, null, new GraphError(StatusCodes.Status400BadRequest, "Request_UnsupportedQuery", "$expand is not supported with advanced queries."));
        }

        var (clauses, error) = ExpandClause.Parse(options.Expand);
        if (error is not null)
        {
            return (null, null, GraphErrors.Query(error, type));
        }

        if (clauses!.Count > 1)
        {
            return (null, null, new GraphError(StatusCodes.Status400BadRequest, "Request_UnsupportedQuery", "Only one navigation property can be expanded at a time."));
        }

        var expansion = expansions.FirstOrDefault(e => e.Navigation.Equals(clauses[0].Navigation, StringComparison.OrdinalIgnoreCase));
        if (expansion is null)
        {
            return (null, null, new GraphError(StatusCodes.Status400BadRequest, "BadRequest",
                $"Could not find a navigation property named '{clauses[0].Navigation}' on type 'microsoft.graph.{type}' that $expand supports."));
        }

        var select = clauses[0].Select?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return (expansion, select, null);
    }

    /// <summary>Adds the expanded navigation to each written entity.</summary>
    public static async Task<List<JsonObject>> ApplyAsync<T>(
        GraphExpansion<T> expansion, IReadOnlyList<T> items, List<JsonObject> written, IReadOnlyList<string>? select, CancellationToken cancellationToken)
    {
        var loaded = await expansion.LoadAsync(items, select, cancellationToken);
        for (var i = 0; i < items.Count; i++)
        {
            var related = loaded[expansion.Key(items[i])];
            written[i][expansion.Navigation] = expansion.SingleValued
                ? related.FirstOrDefault()
                : new JsonArray([.. related.Take(GraphExpansion<T>.MaximumItems)]);
        }

        return written;
    }
}
