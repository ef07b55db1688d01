using System.Text.Json;
using Gatehouse.Data;
using Gatehouse.Dataverse.Users;

namespace Gatehouse.Dataverse.Api;

/// <summary>
/// What every Web API handler works with: the caller, the store and the request's preferences. Handlers take it as a
/// parameter; binding it runs <see cref="DataverseAuthentication"/>.
/// </summary>
internal sealed record DataverseRequest(HttpContext Http, DataverseCaller Caller, GatehouseDb Db, Preferences Preferences)
{
    public DataverseEnvironment Environment => Caller.Environment;

    public CancellationToken Aborted => Http.RequestAborted;

    /// <summary>The service root as the client called it, which links (next pages, OData-EntityId) must lead back to.</summary>
    public string ServiceRoot
    {
        get
        {
            var request = Http.Request;
            var path = request.Path.Value ?? "";
            var root = path[..(path.IndexOf("/api/data/", StringComparison.Ordinal) + "/api/data/v9.2".Length)];
            return $"{request.Scheme}://{request.Host}{request.PathBase}{root}";
        }
    }

    /// <summary>The largest row body read; Gatehouse's rows have no file or image columns.</summary>
    public const int MaximumBodyBytes = 1024 * 1024;

    public static async ValueTask<DataverseRequest?> BindAsync(HttpContext context) =>
        (await context.RequestServices.GetRequiredService<DataverseAuthentication>().AdmitAsync(context)).Value;

    public async Task<Outcome<JsonElement, DataverseError>> ReadBodyAsync(string entitySet)
    {
        var parsed = await JsonBody.ParseAsync(Http.Request, MaximumBodyBytes, Aborted);
        if (!parsed.Succeeded)
        {
            return DataverseError.Payload(parsed.Error == JsonBodyProblem.TooLarge
                ? $"Error identified in Payload provided by the user for Entity :'{entitySet}'. The body is larger than {MaximumBodyBytes} bytes."
                : $"Error identified in Payload provided by the user for Entity :'{entitySet}'. The body is not JSON.");
        }

        using var document = parsed.Value;
        return document.RootElement.Clone();
    }
}
