using System.Text.Json;
using Gatehouse.Identity.Protocol;

namespace Gatehouse.Identity.Endpoints;

/// <summary>
/// A JSON document of the token service with Entra's caching: the discovery documents may be kept for a day
/// (docs/protocol/entra-protocol.md §1.5), anything about a user never.
/// </summary>
internal sealed class TokenServiceJson(object document, bool cacheable, JsonSerializerOptions? options = null) : IResult
{
    public static TokenServiceJson Cacheable(object document, JsonSerializerOptions? options = null) => new(document, cacheable: true, options);

    public static TokenServiceJson NoStore(object document) => new(document, cacheable: false);

    public async Task ExecuteAsync(HttpContext context)
    {
        if (cacheable)
        {
            TokenServiceHeaders.Cacheable(context.Response);
        }
        else
        {
            TokenServiceHeaders.NoStore(context.Response);
        }

        await context.Response.WriteAsJsonAsync(document, options, context.RequestAborted);
    }
}
