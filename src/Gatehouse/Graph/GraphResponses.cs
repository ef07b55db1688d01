using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;

namespace Gatehouse.Graph;

/// <summary>Graph's response bodies: entities and collections with @odata.context, @odata.count and @odata.nextLink.</summary>
internal static class GraphResponses
{
    /// <summary>"…/$metadata#users", or "…/$metadata#users(displayName,id)" under $select.</summary>
    public static string Context(GraphRequest request, string path, IReadOnlyList<string>? select = null) =>
        $"{request.ServiceRoot}/$metadata#{path}" + (select is null ? "" : $"({string.Join(',', select)})");

    public static IResult Entity(GraphRequest request, string contextPath, JsonObject entity, IReadOnlyList<string>? select = null, int status = StatusCodes.Status200OK)
    {
        var body = new JsonObject { ["@odata.context"] = Context(request, contextPath, select) + "/$entity" };
        foreach (var (name, value) in entity.ToList())
        {
            entity.Remove(name);
            body[name] = value;
        }

        return Json(body, status);
    }

    public static IResult Collection(GraphRequest request, string contextPath, IEnumerable<JsonObject> items, long? count, string? skipToken, IReadOnlyList<string>? select = null)
    {
        var body = new JsonObject { ["@odata.context"] = Context(request, contextPath, select) };
        if (count is { } total)
        {
            body["@odata.count"] = total;
        }

        if (skipToken is not null)
        {
            body["@odata.nextLink"] = NextLink(request, skipToken);
        }

        body["value"] = new JsonArray([.. items]);
        return Json(body, StatusCodes.Status200OK);
    }

    /// <summary>
    /// The request's own URL on this server with every query option kept and $skiptoken replaced: the SDK's
    /// PageIterator requests it verbatim (docs/protocol/graph-dataverse.md §3, Paging).
    /// </summary>
    public static string NextLink(GraphRequest request, string skipToken)
    {
        var http = request.Context.Request;
        var path = http.Path.Value!;
        var slash = path.IndexOf('/', 1);
        var url = request.ServiceRoot + (slash > 0 ? path[slash..] : "");
        foreach (var (name, values) in QueryHelpers.ParseQuery(http.QueryString.Value))
        {
            if (!name.Equals("$skiptoken", StringComparison.OrdinalIgnoreCase) && !name.Equals("skiptoken", StringComparison.OrdinalIgnoreCase))
            {
                foreach (var value in values)
                {
                    url = QueryHelpers.AddQueryString(url, name, value ?? "");
                }
            }
        }

        return QueryHelpers.AddQueryString(url, "$skiptoken", skipToken);
    }

    public static IResult Json(JsonNode body, int status) =>
        Results.Text(body.ToJsonString(), "application/json; odata.metadata=minimal; charset=utf-8", null, status);
}
