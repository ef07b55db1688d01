using System.Reflection;

namespace Gatehouse.Graph;

/// <summary>
/// How a route names a directory object: by object id (/applications/{id}) or by its appId alternate key
/// (/applications(appId='{appId}'), docs/protocol/graph-dataverse.md §2.0). Bound from the route only.
/// </summary>
internal sealed record AlternateKey(string Value, bool IsAppId)
{
    public static ValueTask<AlternateKey?> BindAsync(HttpContext context, ParameterInfo parameter) =>
        ValueTask.FromResult<AlternateKey?>(context.GetRouteValue("appId") is string appId
            ? new AlternateKey(appId, IsAppId: true)
            : new AlternateKey(context.GetRouteValue("id") as string ?? "", IsAppId: false));

    /// <summary>The GUID named, or Graph's 400 for an object id that is not one (an unknown appId is simply not found).</summary>
    public Outcome<Guid, GraphError> Parse() =>
        Guid.TryParse(Value, out var id) ? id
        : IsAppId ? GraphErrors.NotFound(Value) : GraphErrors.BadRequest($"Invalid object identifier '{Value}'.");
}
