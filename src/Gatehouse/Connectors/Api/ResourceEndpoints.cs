using System.Buffers.Text;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Gatehouse.Connectors.Instances;
using Gatehouse.Connectors.Providers;

namespace Gatehouse.Connectors.Api;

/// <summary>
/// The normalised resources of an instance's element (for office365: /users, /calendars, /calendars/{id}/events,
/// /events, /contacts): GET lists with Cloud Elements' paging (pageSize, and the next page's token in the
/// Elements-Next-Page-Token header, passed back as nextPage); POST creates.
/// </summary>
internal static class ResourceEndpoints
{
    public const string NextPageHeader = "Elements-Next-Page-Token";
    public const int DefaultPageSize = 100;
    public const int LargestPageSize = 999;

    public static RouteGroupBuilder MapResources(this RouteGroupBuilder hub)
    {
        hub.MapMethods("/{resource}", [HttpMethods.Get, HttpMethods.Post], (HttpContext context, string resource, HubAuthentication authentication, ConnectorCatalog catalog, ProviderCaller provider) =>
            HubEndpoints.AsInstanceCallerAsync(context, authentication, caller => HandleAsync(context, caller.Instance!, resource, null, catalog, provider)));
        hub.MapMethods("/{resource}/{id}/{child}", [HttpMethods.Get, HttpMethods.Post], (HttpContext context, string resource, string id, string child, HubAuthentication authentication, ConnectorCatalog catalog, ProviderCaller provider) =>
            HubEndpoints.AsInstanceCallerAsync(context, authentication, caller => HandleAsync(context, caller.Instance!, $"{resource}/{{id}}/{child}", id, catalog, provider)));
        return hub;
    }

    private static async Task<IResult> HandleAsync(HttpContext context, HubInstance instance, string path, string? id, ConnectorCatalog catalog, ProviderCaller provider)
    {
        var connector = catalog.Find(instance.ElementKey);
        var resource = connector?.Resources.FirstOrDefault(r => string.Equals(r.Path, path, StringComparison.OrdinalIgnoreCase));
        if (connector is null || resource is null)
        {
            return HubError.NotFound($"The {instance.ElementKey} element has no resource /{path.Replace("{id}", id, StringComparison.Ordinal)}.").ToResult();
        }

        var post = HttpMethods.IsPost(context.Request.Method);
        var (target, problem) = post ? (Target(connector, resource.ProviderPath, id, ""), null) : ListTarget(context.Request.Query, connector, resource, id);
        if (target is null)
        {
            return HubError.BadRequest(problem!).ToResult();
        }

        byte[] body = [];
        if (post)
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
            body = buffer.ToArray();
        }

        using var response = await provider.SendAsync(instance, accessToken =>
        {
            var request = new HttpRequestMessage(post ? HttpMethod.Post : HttpMethod.Get, target);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
            if (post)
            {
                request.Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } };
            }

            return request;
        }, context.RequestAborted);
        if (response is null)
        {
            return ProviderAnswer.Unusable(instance);
        }

        var text = await response.Content.ReadAsStringAsync(context.RequestAborted);
        if (!response.IsSuccessStatusCode)
        {
            return new HubError((int)response.StatusCode, $"The provider answered {(int)response.StatusCode}.", ProviderMessage: text).ToResult();
        }

        if (post)
        {
            return Results.Text(text, "application/json", Encoding.UTF8, (int)response.StatusCode);
        }

        return Page(context.Response, text, connector);
    }

    /// <summary>Where a GET goes: the next page the provider named, a time window, or the first page of pageSize.</summary>
    private static (Uri? Target, string? Problem) ListTarget(IQueryCollection query, Connector connector, HubResource resource, string? id)
    {
        if (query["nextPage"].ToString() is { Length: > 0 } nextPage)
        {
            // The token is the provider's own next link; it may lead only into the element's API.
            return Base64Url.IsValid(nextPage) && Uri.TryCreate(Encoding.UTF8.GetString(Base64Url.DecodeFromChars(nextPage)), UriKind.Absolute, out var next)
                && next.AbsoluteUri.StartsWith(connector.ApiBaseUrl.AbsoluteUri, StringComparison.Ordinal)
                ? (next, null)
                : (null, "nextPage is not a token this hub gave out.");
        }

        var pageSize = DefaultPageSize;
        if (query["pageSize"].ToString() is { Length: > 0 } size
            && (!int.TryParse(size, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize < 1 || pageSize > LargestPageSize))
        {
            return (null, $"pageSize must be a whole number from 1 to {LargestPageSize}.");
        }

        var top = $"$top={pageSize}";
        if (query["where"].ToString() is not { Length: > 0 } where)
        {
            return (Target(connector, resource.ProviderPath, id, top), null);
        }

        if (resource.WindowPath is null)
        {
            return (null, $"/{resource.Path} takes no where.");
        }

        var (start, end, problem) = TimeWindow.Parse(where);
        return problem is not null
            ? (null, problem)
            : (Target(connector, resource.WindowPath, id, $"startDateTime={Uri.EscapeDataString(start.ToString("O", CultureInfo.InvariantCulture))}&endDateTime={Uri.EscapeDataString(end.ToString("O", CultureInfo.InvariantCulture))}&{top}"), null);
    }

    private static Uri Target(Connector connector, string providerPath, string? id, string query) =>
        new(connector.ApiBaseUrl, providerPath.Replace("{id}", Uri.EscapeDataString(id ?? ""), StringComparison.Ordinal) + (query.Length > 0 ? "?" + query : ""));

    /// <summary>An OData collection as Cloud Elements answers a list: a JSON array, the next page's token in a header.</summary>
    private static IResult Page(HttpResponse response, string text, Connector connector)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException)
        {
            return new HubError(StatusCodes.Status502BadGateway, "The provider's answer is not JSON.", ProviderMessage: text).ToResult();
        }

        using var parsed = document;
        if (!document.RootElement.TryGetProperty("value", out var items) || items.ValueKind != JsonValueKind.Array)
        {
            return Results.Text(text, "application/json", Encoding.UTF8);
        }

        if (document.RootElement.TryGetProperty("@odata.nextLink", out var nextLink) && nextLink.GetString() is { } next
            && next.StartsWith(connector.ApiBaseUrl.AbsoluteUri, StringComparison.Ordinal))
        {
            response.Headers[NextPageHeader] = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(next));
        }

        return Results.Text(items.GetRawText(), "application/json", Encoding.UTF8);
    }
}
