using Gatehouse.OData;

namespace Gatehouse.Graph;

/// <summary>A request's query options under Graph's limits, with its $select checked against the resource (null without one).</summary>
internal sealed record GraphQueryOptions(QueryOptions Options, IReadOnlyList<string>? Select);
