using System.Diagnostics;
using Gatehouse.DirectoryObjects.Logs;
using Gatehouse.Identity.Clients;
using Gatehouse.Identity.Protocol;

namespace Gatehouse.Identity.Endpoints;

/// <summary>
/// What a traced token-service request's span says (README.md, "Observability"): the tenant segment, the grant type
/// and client ID of a token request, and the AADSTS code of a refusal. Never a secret, assertion, code, token or
/// password: only the names the sign-in log keeps too.
/// </summary>
internal static class TokenActivityTags
{
    public static void Tag(Activity activity, EndpointFilterInvocationContext context, object? result)
    {
        var http = context.HttpContext;
        if (http.GetRouteValue("tenant") is string tenant)
        {
            activity.SetTag("gatehouse.identity.tenant", SignInLogEntry.Cut(tenant));
        }

        if (context.Arguments.OfType<TokenPost>().FirstOrDefault()?.Request is { Succeeded: true } read)
        {
            activity.SetTag("gatehouse.identity.grant_type", SignInLogEntry.Cut(read.Value.GrantType));
            var credentials = ClientCredentials.Read(read.Value, http.Request);
            activity.SetTag("gatehouse.identity.client_id", SignInLogEntry.Cut(credentials.Succeeded ? credentials.Value.ClientId : read.Value.ClientId));
        }

        if (result is AadstsError refused)
        {
            activity.SetTag("gatehouse.identity.aadsts", refused.Code);
            activity.SetStatus(ActivityStatusCode.Error, $"AADSTS{refused.Code}");
        }
    }
}
