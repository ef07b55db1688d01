using Gatehouse.DirectoryObjects.Logs;
using Gatehouse.Identity.Clients;
using Gatehouse.Identity.Grants;
using Gatehouse.Identity.Protocol;

namespace Gatehouse.Identity.Endpoints;

/// <summary>
/// POST /{tenant}/oauth2/v2.0/token and /{tenant}/oauth2/token: parse → validate → grant → respond; and the v2.0
/// endpoint's CORS preflight, which single-page apps send (docs/protocol/entra-protocol.md §3.7).
/// </summary>
internal static class TokenEndpoint
{
    public static IEndpointRouteBuilder MapToken(this IEndpointRouteBuilder endpoints)
    {
        var token = endpoints.MapGroup("").AddEndpointFilter<TokenMetricsFilter>();
        token.MapPost("/{tenant}/oauth2/v2.0/token", HandleAsync).WithMetadata(ProtocolVersion.V2);
        token.MapPost("/{tenant}/oauth2/token", HandleAsync).WithMetadata(ProtocolVersion.V1);
        endpoints.MapMethods("/{tenant}/oauth2/v2.0/token", [HttpMethods.Options], CrossOrigin.Preflight);
        return endpoints;
    }

    private static async Task<IResult> HandleAsync(
        string tenant, TokenPost post, ProtocolVersion version, HttpContext context, TenantResolver tenants, IssuerUrls urls, TokenGrants grants, SignInLog signIns)
    {
        var origin = CrossOrigin.RequestOrigin(context.Request);
        var answer = await AnswerAsync(tenant, post, version, context, tenants, urls, grants, signIns, origin);
        var readable = answer switch
        {
            TokenResponse response => response.ReadableFrom == origin,
            _ => true,
        };
        if (origin is not null && readable)
        {
            CrossOrigin.Allow(context.Response, origin);
        }

        return answer;
    }

    private static async Task<IResult> AnswerAsync(
        string tenant, TokenPost post, ProtocolVersion version, HttpContext context, TenantResolver tenants, IssuerUrls urls, TokenGrants grants, SignInLog signIns,
        string? origin)
    {
        var read = post.Request;
        if (!read.Succeeded)
        {
            return read.Error;
        }

        var route = await tenants.ResolveAsync(tenant, discovery: false, context.RequestAborted);
        if (!route.Succeeded)
        {
            return route.Error;
        }

        var request = read.Value;
        if (request.GrantType is not { } grantType)
        {
            return Aadsts.MissingParameter("grant_type");
        }

        var credentials = ClientCredentials.Read(request, context.Request);
        if (!credentials.Succeeded)
        {
            return credentials.Error;
        }

        var endpointUrls = new TokenEndpointUrls(context.Request, urls, route.Value, version);
        var granted = await grants.GrantAsync(
            grantType, request, credentials.Value, route.Value, endpointUrls, origin, context.Connection.RemoteIpAddress, context.RequestAborted);
        if (TokenSignIns.Entry(grantType, request, credentials.Value, route.Value, granted, context, signIns.Clock) is { } entry)
        {
            await signIns.RecordAsync(entry);
        }

        return granted.Succeeded ? new TokenResponse(granted.Value, version) : granted.Error;
    }
}
