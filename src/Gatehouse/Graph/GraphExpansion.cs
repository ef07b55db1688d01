using System.Text.Json.Nodes;
using Gatehouse.OData;

namespace Gatehouse.Graph;

/// <summary>
/// A navigation property $expand may follow on a resource (users' manager and directReports, groups' members and
/// owners): how to read it for a whole page in the database, keyed by the entity's id. A single-valued navigation
/// writes an object (or null), a collection an array of at most <see cref="MaximumItems"/> objects, as Graph caps
/// expanded directory objects (docs/protocol/graph-dataverse.md §3, $expand).
/// </summary>
internal sealed record GraphExpansion<T>(
    string Navigation,
    Func<IReadOnlyList<T>, IReadOnlyList<string>?, CancellationToken, Task<ILookup<Guid, JsonObject>>> LoadAsync,
    Func<T, Guid> Key,
    bool SingleValued)
{
    public const int MaximumItems = 20;
}

/// <summary>What $expand asked of a resource: one navigation and its nested $select, or <see cref="None"/>.</summary>
internal sealed record GraphExpand<T>(GraphExpansion<T>? Expansion, IReadOnlyList<string>? Select)
{
    public static GraphExpand<T> None { get; } = new(null, null);
}

internal static class GraphExpansions
{
    /// <summary>The expansion $expand asks for, or Graph's 400 when it names none or more than one this resource has.</summary>
    public static Outcome<GraphExpand<T>, GraphError> Parse<T>(
        QueryOptions options, IReadOnlyList<GraphExpansion<T>> expansions, string type, bool advanced)
    {
        if (options.Expand is null)
        {
            return GraphExpand<T>.None;
        }

        if (advanced)
        {
            return new GraphError(StatusCodes.Status400BadRequest, "Request_UnsupportedQuery", "$expand is not supported with advanced queries.");
        }

        var clauses = ExpandClause.Parse(options.Expand);
        if (!clauses.Succeeded)
        {
            return GraphErrors.Query(clauses.Error, type);
        }

        if (clauses.Value.Count > 1)
        {
            return new GraphError(StatusCodes.Status400BadRequest, "Request_UnsupportedQuery", "Only one navigation property can be expanded at a time.");
        }

        var clause = clauses.Value[0];
        var expansion = expansions.FirstOrDefault(e => e.Navigation.Equals(clause.Navigation, StringComparison.OrdinalIgnoreCase));
        if (expansion is null)
        {
            return new GraphError(StatusCodes.Status400BadRequest, "BadRequest",
                $"Could not find a navigation property named '{clause.Navigation}' on type 'microsoft.graph.{type}' that $expand supports.");
        }

        return new GraphExpand<T>(expansion, clause.Select?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>Adds the expanded navigation, if one was asked for, to each written entity.</summary>
    public static async Task ApplyAsync<T>(GraphExpand<T> expand, IReadOnlyList<T> items, List<JsonObject> written, CancellationToken cancellationToken)
    {
        if (expand.Expansion is not { } expansion)
        {
            return;
        }

        var loaded = await expansion.LoadAsync(items, expand.Select, cancellationToken);
        for (var i = 0; i < items.Count; i++)
        {
            var related = loaded[expansion.Key(items[i])];
            written[i][expansion.Navigation] = expansion.SingleValued
                ? related.FirstOrDefault()
                : new JsonArray([.. related.Take(GraphExpansion<T>.MaximumItems)]);
        }
    }
}
