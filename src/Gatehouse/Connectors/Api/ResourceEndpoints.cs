using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Gatehouse.Connectors.Instances;
using Gatehouse.Connectors.Providers;

namespace Gatehouse.Connectors.Api;

/// <summary>
/// The normalised resources of an instance's element (office365: /users, /calendars, /calendars/{id}/events,
/// /events, /contacts; dynamics365: /accounts, /contacts, /leads, /opportunities): GET lists with Cloud Elements'
/// paging (pageSize, and the next page's token in the Elements-Next-Page-Token header, passed back as nextPage) and
/// `where`; POST creates; where the element has items, GET, PATCH and DELETE /{resource}/{id} read, change and remove one.
/// </summary>
internal static class ResourceEndpoints
{
    public const string NextPageHeader = "Elements-Next-Page-Token";
    public const int DefaultPageSize = 100;
    public const int LargestPageSize = 999;
    private const string Tag = "Resources";

    private static readonly QueryParameter[] ListQuery =
    [
        new("pageSize", $"Items per page, 1 to {LargestPageSize}; {DefaultPageSize} when absent."),
        new("nextPage", $"The {NextPageHeader} header of the previous page."),
        new("where", "Cloud Elements' filter (name = 'x' AND createdDate > '2026-01-01'), or a time window for events."),
    ];

    public static RouteGroupBuilder MapResources(this RouteGroupBuilder hub)
    {
        hub.MapMethods("/{resource}", [HttpMethods.Get, HttpMethods.Post], (HttpContext context, string resource, InstanceCaller through, ConnectorCatalog catalog, ProviderCaller provider) =>
            HandleAsync(context, through.Instance, resource, null, null, catalog, provider))
            .WithTags(Tag)
            .Describe("GET", "ListResource", "List a resource of the instance's element (users, calendars, events, contacts, accounts, leads…)", ListQuery)
            .Describe("POST", "CreateResourceItem", "Create an item of a resource")
            .Accepts<JsonElement>("application/json").Produces<JsonElement>()
            .Produces<HubErrorBody>(StatusCodes.Status400BadRequest).Produces<HubErrorBody>(StatusCodes.Status404NotFound).Produces<HubErrorBody>(StatusCodes.Status409Conflict);
        hub.MapMethods("/{resource}/{key}", [HttpMethods.Get, HttpMethods.Patch, HttpMethods.Delete], (HttpContext context, string resource, string key, InstanceCaller through, ConnectorCatalog catalog, ProviderCaller provider) =>
            HandleAsync(context, through.Instance, resource, null, key, catalog, provider))
            .WithTags(Tag)
            .Describe("GET", "GetResourceItem", "Get an item of a resource by its ID")
            .Describe("PATCH", "UpdateResourceItem", "Change an item of a resource")
            .Describe("DELETE", "DeleteResourceItem", "Delete an item of a resource")
            .Accepts<JsonElement>("application/json").Produces<JsonElement>()
            .Produces<HubErrorBody>(StatusCodes.Status404NotFound).Produces<HubErrorBody>(StatusCodes.Status409Conflict);
        hub.MapMethods("/{resource}/{id}/{child}", [HttpMethods.Get, HttpMethods.Post], (HttpContext context, string resource, string id, string child, InstanceCaller through, ConnectorCatalog catalog, ProviderCaller provider) =>
            HandleAsync(context, through.Instance, $"{resource}/{{id}}/{child}", id, null, catalog, provider))
            .WithTags(Tag)
            .Describe("GET", "ListChildResource", "List a resource under an item (calendars/{id}/events)", ListQuery)
            .Describe("POST", "CreateChildResourceItem", "Create an item under an item (an event in a calendar)")
            .Accepts<JsonElement>("application/json").Produces<JsonElement>()
            .Produces<HubErrorBody>(StatusCodes.Status400BadRequest).Produces<HubErrorBody>(StatusCodes.Status404NotFound).Produces<HubErrorBody>(StatusCodes.Status409Conflict);
        return hub;
    }

    /// <param name="id">The parent's ID in a nested path (calendars/{id}/events).</param>
    /// <param name="key">The item's ID for item operations.</param>
    private static async Task<IResult> HandleAsync(HttpContext context, HubInstance instance, string path, string? id, string? key, ConnectorCatalog catalog, ProviderCaller provider)
    {
        var connector = catalog.Find(instance.ElementKey);
        var resource = connector?.Resources.FirstOrDefault(r => string.Equals(r.Path, path, StringComparison.OrdinalIgnoreCase));
        var api = connector?.ApiOf(instance);
        var itemPath = key is null ? null : resource?.ItemPath;
        if (connector is null || resource is null || api is null || (key is not null && itemPath is null))
        {
            var shown = path.Replace("{id}", id, StringComparison.Ordinal) + (key is null ? "" : $"/{key}");
            return HubError.NotFound($"The {instance.ElementKey} element has no resource /{shown}.").ToResult();
        }

        var method = context.Request.Method;
        var dataverse = connector.Dialect == ProviderDialect.Dataverse;
        var call = itemPath is not null ? new ProviderCall(Target(api, itemPath, id, key, ""), 0)
            : HttpMethods.IsPost(method) ? new ProviderCall(Target(api, resource.ProviderPath, id, null, ""), 0)
            : ListCall(context.Request.Query, connector, api, resource, id);
        if (!call.Succeeded)
        {
            return HubError.BadRequest(call.Error).ToResult();
        }

        var (target, pageSize) = call.Value;

        var writes = HttpMethods.IsPost(method) || HttpMethods.IsPatch(method);
        byte[] body = [];
        if (writes)
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
            body = buffer.ToArray();
        }

        using var response = await provider.SendAsync(instance, accessToken =>
        {
            var request = new HttpRequestMessage(new HttpMethod(method), target);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
            if (dataverse && pageSize > 0)
            {
                request.Headers.TryAddWithoutValidation("Prefer", $"odata.maxpagesize={pageSize.ToString(CultureInfo.InvariantCulture)}");
            }

            if (dataverse && writes)
            {
                request.Headers.TryAddWithoutValidation("Prefer", "return=representation");
            }

            if (dataverse && HttpMethods.IsPatch(method))
            {
                // Without it a PATCH of a missing row creates it.
                request.Headers.TryAddWithoutValidation("If-Match", "*");
            }

            if (writes)
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
            return new HubError((int)response.StatusCode, $"The provider answered {(int)response.StatusCode}.", ErrorCode(text), text).ToResult();
        }

        return pageSize > 0 ? Page(context.Response, text, api, pageSize)
            : text.Length == 0 ? Results.StatusCode((int)response.StatusCode)
            : Results.Text(text, "application/json", Encoding.UTF8, (int)response.StatusCode);
    }

    /// <summary>Where a GET of a list goes, and the page size: the next page the provider named, a time window or a filter, and pageSize rows.</summary>
    private static Outcome<ProviderCall, string> ListCall(IQueryCollection query, Connector connector, ProviderApi api, HubResource resource, string? id)
    {
        if (query["nextPage"].ToString() is { Length: > 0 } nextPage)
        {
            return NextPageToken.Decode(nextPage, api) is { } next ? new ProviderCall(next.Link, next.PageSize) : "nextPage is not a token this hub gave out.";
        }

        var pageSize = DefaultPageSize;
        if (query["pageSize"].ToString() is { Length: > 0 } size
            && (!int.TryParse(size, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize < 1 || pageSize > LargestPageSize))
        {
            return $"pageSize must be a whole number from 1 to {LargestPageSize}.";
        }

        // Dataverse ignores $top when a page size is preferred; the page size goes in the Prefer header instead.
        var top = connector.Dialect == ProviderDialect.Dataverse ? "" : $"$top={pageSize}";
        if (query["where"].ToString() is not { Length: > 0 } where)
        {
            return new ProviderCall(Target(api, resource.ProviderPath, id, null, top), pageSize);
        }

        if (resource.Filters)
        {
            var filter = WhereFilter.Translate(where);
            return filter.Succeeded
                ? new ProviderCall(Target(api, resource.ProviderPath, id, null, Join($"$filter={Uri.EscapeDataString(filter.Value)}", top)), pageSize)
                : filter.Error;
        }

        if (resource.WindowPath is null)
        {
            return $"/{resource.Path} takes no where.";
        }

        var window = TimeWindow.Parse(where);
        if (!window.Succeeded)
        {
            return window.Error;
        }

        var (start, end) = window.Value;
        return new ProviderCall(
            Target(api, resource.WindowPath, id, null, Join($"startDateTime={Uri.EscapeDataString(start.ToString("O", CultureInfo.InvariantCulture))}&endDateTime={Uri.EscapeDataString(end.ToString("O", CultureInfo.InvariantCulture))}", top)),
            pageSize);
    }

    private static string Join(string first, string second) => second.Length == 0 ? first : $"{first}&{second}";

    private static Uri Target(ProviderApi api, string providerPath, string? id, string? key, string query) =>
        new(api.BaseUrl, providerPath
            .Replace("{id}", Uri.EscapeDataString(id ?? ""), StringComparison.Ordinal)
            .Replace("{key}", Uri.EscapeDataString(key ?? ""), StringComparison.Ordinal) + (query.Length > 0 ? "?" + query : ""));

    /// <summary>The code of a Graph or Dataverse error body ({"error":{"code":…}}), if the provider sent one.</summary>
    private static string? ErrorCode(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("error", out var error)
                && error.ValueKind == JsonValueKind.Object && error.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String
                && code.GetString() is { Length: > 0 } value
                ? value
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>An OData collection as Cloud Elements answers a list: a JSON array, the next page's token in a header.</summary>
    private static IResult Page(HttpResponse response, string text, ProviderApi api, int pageSize)
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
            && Uri.TryCreate(next, UriKind.Absolute, out var link) && api.Contains(link))
        {
            response.Headers[NextPageHeader] = NextPageToken.Encode(pageSize, next);
        }

        return Results.Text(items.GetRawText(), "application/json", Encoding.UTF8);
    }

    /// <summary>The provider URL a call goes to, and for a list the rows a page holds (0 otherwise).</summary>
    private sealed record ProviderCall(Uri Target, int PageSize);
}
