using System.Diagnostics;
using System.Text.Json;
using Gatehouse.Data;
using Gatehouse.DirectoryObjects.Roles;
using Gatehouse.DirectoryObjects.Tenants;
using Gatehouse.Graph;
using Gatehouse.ResourceServer;

namespace Gatehouse.Hosting;

/// <summary>
/// GET and POST /admin/clock: `gatehouse clock` over HTTPS, for a Global Administrator of the default tenant (the
/// clock is the store's, so it is not any tenant's to move) signed in with a Microsoft Graph token; refused unless the
/// server runs with --allow-clock-offset. Answers in Graph's error shape, a request it could not finish included.
/// </summary>
internal static class ClockEndpoints
{
    private const int MaximumBodyBytes = 4096;

    private static readonly ActivitySource Activities = new("Gatehouse.Admin");

    public static IEndpointRouteBuilder MapClock(this IEndpointRouteBuilder endpoints)
    {
        var admin = endpoints.MapGroup("/admin");
        admin.AddEndpointFilter(new EndpointActivity(Activities, "admin", static (_, _) => { })).WithMetadata(GraphFailures.Instance);
        admin.MapGet("/clock", ShowAsync);
        admin.MapPost("/clock", ChangeAsync);
        return endpoints;
    }

    private static async Task<IResult> ShowAsync(HttpContext context, ClockOffsets clock, CancellationToken cancellationToken) =>
        await RefuseAsync(context, cancellationToken) ?? Answer(await clock.ShowAsync(cancellationToken));

    /// <summary>The body names one change: {"advance":"91d"}, {"set":"2027-03-01T09:00:00Z"} or {"reset":true}.</summary>
    private static async Task<IResult> ChangeAsync(HttpContext context, ClockOffsets clock, CancellationToken cancellationToken)
    {
        if (await RefuseAsync(context, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        var body = await JsonBody.ParseAsync(context.Request, MaximumBodyBytes, cancellationToken);
        if (!body.Succeeded)
        {
            return Error(StatusCodes.Status400BadRequest, ClockRefusal.InvalidValueCode, "The body is not a JSON object of at most 4 KB.");
        }

        using var document = body.Value;
        var root = document.RootElement;
        var names = root.ValueKind == JsonValueKind.Object ? root.EnumerateObject().Select(p => p.Name).ToList() : [];
        if (names.Count != 1)
        {
            return Error(StatusCodes.Status400BadRequest, ClockRefusal.InvalidValueCode, """The body names one change: {"advance":"91d"}, {"set":"2027-03-01T09:00:00Z"} or {"reset":true}.""");
        }

        var value = root.GetProperty(names[0]);
        var text = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        return names[0] switch
        {
            "advance" when ClockDuration.Parse(text) is { } by => Answer(await clock.AdvanceAsync(by, cancellationToken)),
            "advance" => Error(StatusCodes.Status400BadRequest, ClockRefusal.InvalidValueCode, $"'advance' is {ClockDuration.Expected}."),
            "set" when ClockDuration.ParseDate(text) is { } to => Answer(await clock.SetNowAsync(to, cancellationToken)),
            "set" => Error(StatusCodes.Status400BadRequest, ClockRefusal.InvalidValueCode, "'set' is an ISO 8601 date (for example 2027-03-01T09:00:00Z)."),
            "reset" when value.ValueKind == JsonValueKind.True => Answer(await clock.ResetAsync(cancellationToken)),
            _ => Error(StatusCodes.Status400BadRequest, ClockRefusal.InvalidValueCode, """The body names one change: {"advance":"91d"}, {"set":"2027-03-01T09:00:00Z"} or {"reset":true}."""),
        };
    }

    /// <summary>
    /// Null for a user holding Global Administrator in the default tenant, with a valid Microsoft Graph token of that
    /// tenant; otherwise the answer.
    /// </summary>
    private static async Task<IResult?> RefuseAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var services = context.RequestServices;
        var caller = await services.GetRequiredService<BearerTokenValidator>()
            .ValidateAsync(context.Request.Headers.Authorization.ToString(), GraphApi.Audiences, cancellationToken);
        if (!caller.Succeeded)
        {
            return Error(StatusCodes.Status401Unauthorized, "InvalidAuthenticationToken",
                "A Microsoft Graph access token of a Global Administrator of the default tenant is required.");
        }

        var defaultTenant = await services.GetRequiredService<TenantLookup>().ResolveAsync(null, cancellationToken);
        var administrator = caller.Value.UserId is { } userId
            && defaultTenant.Succeeded && defaultTenant.Value.Id == caller.Value.TenantId
            && await services.GetRequiredService<DirectoryRoleAssignments>()
                .HoldsAnyAsync(caller.Value.TenantId, userId, [DirectoryRoleTemplate.GlobalAdministrator], cancellationToken);
        return administrator ? null
            : Error(StatusCodes.Status403Forbidden, "Authorization_RequestDenied",
                "Only a Global Administrator of the default tenant (the first created), signed in, may read or move the clock: it is the whole store's.");
    }

    private static IResult Answer(Outcome<ClockReading, ClockRefusal> reading) => reading.Succeeded
        ? Results.Json(reading.Value.Json)
        : Error(reading.Error.Code == ClockRefusal.NotAllowedCode ? StatusCodes.Status403Forbidden : StatusCodes.Status400BadRequest,
            reading.Error.Code, reading.Error.Message);

    private static IResult Error(int status, string code, string message) =>
        Results.Json(new { error = new { code, message } }, statusCode: status);
}
