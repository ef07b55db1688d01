using System.Text.Json.Nodes;

namespace Gatehouse.Arm;

/// <summary>
/// A Resource Manager error (docs/protocol/azure-cli.md §2): the status and {"error":{"code","message"}}, with the
/// Bearer challenge of a 401.
/// </summary>
internal sealed record ArmError(int Status, string Code, string Message) : IResult
{
    public string? Challenge { get; init; }

    public Task ExecuteAsync(HttpContext httpContext)
    {
        if (Challenge is not null)
        {
            httpContext.Response.Headers.WWWAuthenticate = Challenge;
        }

        var body = new JsonObject { ["error"] = new JsonObject { ["code"] = Code, ["message"] = Message } };
        return Results.Content(body.ToJsonString(), "application/json; charset=utf-8", statusCode: Status).ExecuteAsync(httpContext);
    }
}
