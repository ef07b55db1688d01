using System.Text.Json.Nodes;

namespace Gatehouse.PortalApi;

/// <summary>
/// An error of the Azure portal's API (docs/protocol/microsoft-hosts.md §4): the status and
/// {"ClassName":"Microsoft.Portal.Framework.Exceptions.ClientException","Message":…}, with the Bearer challenge of a 401.
/// </summary>
internal sealed record PortalApiError(int Status, string Text) : IResult
{
    public const string ClientException = "Microsoft.Portal.Framework.Exceptions.ClientException";

    public string? Challenge { get; init; }

    public Task ExecuteAsync(HttpContext httpContext)
    {
        if (Challenge is not null)
        {
            httpContext.Response.Headers.WWWAuthenticate = Challenge;
        }

        var body = new JsonObject { ["ClassName"] = ClientException, ["Message"] = Text };
        return Results.Content(body.ToJsonString(), "application/json; charset=utf-8", statusCode: Status).ExecuteAsync(httpContext);
    }
}
