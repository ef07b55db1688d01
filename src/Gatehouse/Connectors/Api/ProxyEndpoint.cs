using System.Net.Http.Headers;
using Gatehouse.Connectors.Instances;
using Gatehouse.Connectors.Providers;

namespace Gatehouse.Connectors.Api;

/// <summary>
/// /proxy/{provider path}: the caller's request sent on to the element's API with the instance's access token; the
/// provider's answer comes back unchanged (status, headers, body).
/// </summary>
internal static class ProxyEndpoint
{
    public const int MaximumBodyBytes = 4 * 1024 * 1024;
    private static readonly string[] ForwardedRequestHeaders = ["Accept", "Accept-Language", "Prefer", "ConsistencyLevel", "If-Match", "If-None-Match", "client-request-id", "OData-MaxVersion", "OData-Version"];

    public static RouteGroupBuilder MapProxy(this RouteGroupBuilder hub)
    {
        hub.Map("/proxy/{**path}", (HttpContext context, string? path, InstanceCaller through, ConnectorCatalog catalog, ProviderCaller provider) =>
            ForwardAsync(context, through.Instance, path ?? "", catalog, provider));
        return hub;
    }

    private static async Task<IResult> ForwardAsync(HttpContext context, HubInstance instance, string path, ConnectorCatalog catalog, ProviderCaller provider)
    {
        if (catalog.Find(instance.ElementKey)?.ApiOf(instance) is not { } api)
        {
            return HubError.NotFound($"No element with key '{instance.ElementKey}'.").ToResult();
        }

        var target = new Uri(api.BaseUrl, path.TrimStart('/') + context.Request.QueryString);
        if (!api.Contains(target))
        {
            return HubError.BadRequest("The path leaves the element's API.").ToResult();
        }

        if (await ReadBodyAsync(context.Request, context.RequestAborted) is not { } body)
        {
            return new HubError(StatusCodes.Status413PayloadTooLarge, "The body is larger than 4 MB.").ToResult();
        }

        var response = await provider.SendAsync(instance, accessToken => Build(context.Request, target, body, accessToken), context.RequestAborted);
        return response is null ? ProviderAnswer.Unusable(instance) : new ProviderAnswer(response);
    }

    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaximumBodyBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        return buffer.Length > MaximumBodyBytes ? null : buffer.ToArray();
    }

    private static HttpRequestMessage Build(HttpRequest incoming, Uri target, byte[] body, string accessToken)
    {
        var request = new HttpRequestMessage(new HttpMethod(incoming.Method), target);
        foreach (var name in ForwardedRequestHeaders)
        {
            if (incoming.Headers.TryGetValue(name, out var values))
            {
                request.Headers.TryAddWithoutValidation(name, (IEnumerable<string>)values!);
            }
        }

        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        if (body.Length > 0 || incoming.ContentType is not null)
        {
            request.Content = new ByteArrayContent(body);
            if (incoming.ContentType is { } contentType)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            }
        }

        return request;
    }
}
