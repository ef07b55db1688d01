using System.Diagnostics;
using Gatehouse.Data;
using Gatehouse.Dataverse.Security;
using Gatehouse.Dataverse.Users;
using Gatehouse.DirectoryObjects.Permissions.FirstParty;
using Gatehouse.Identity.Protocol;
using Gatehouse.ResourceServer;

namespace Gatehouse.Dataverse.Api;

/// <summary>
/// Who a Web API request runs as (docs/protocol/graph-dataverse.md §6): a bearer token for the tenant's environment URL
/// (or the Dynamics CRM appId); delegated with user_impersonation it acts as the signed-in user's system user,
/// app-only as the app's application user. A token for anyone else is refused as "not a member of the organization".
/// </summary>
internal sealed class DataverseAuthentication(BearerTokenValidator validator, DataverseEnvironments environments, IssuerUrls urls)
    : RequestGate<DataverseRequest, IResult>
{
    public const string UserImpersonation = "user_impersonation";

    /// <summary>Tags a request's Activity with the environment's tenant and the system user it runs as.</summary>
    public void TagCaller(HttpContext http, Activity activity)
    {
        if (Admitted(http) is { } request)
        {
            activity.SetTag("gatehouse.dataverse.tenant", request.Environment.TenantId);
            activity.SetTag("gatehouse.dataverse.systemuser", request.Caller.User.Id);
        }
    }

    protected override async Task<Outcome<DataverseRequest, IResult>> CheckAsync(HttpContext http)
    {
        var cancellationToken = http.RequestAborted;
        var authorization = http.Request.Headers.Authorization.ToString();

        // The environment is the token's tenant's; its URL is the audience the token must name.
        var environment = BearerTokenValidator.ClaimedTenant(authorization) is { } tenantId ? await environments.FindAsync(tenantId, cancellationToken) : null;
        if (environment is null)
        {
            return Refuse(await ChallengeAsync(http.Request, null, cancellationToken: cancellationToken));
        }

        string[] audiences = [environment.Url, environment.Url + "/", DynamicsCrmApi.Api.AppId.ToString()];
        var validated = await validator.ValidateAsync(authorization, audiences, cancellationToken);
        if (!validated.Succeeded || validated.Value.TenantId != environment.TenantId)
        {
            return Refuse(await ChallengeAsync(http.Request, environment, validated.Succeeded ? null : validated.Error, cancellationToken));
        }

        var caller = validated.Value;

        if (caller.IsDelegated && !caller.Scopes.Contains(UserImpersonation))
        {
            return Refuse(DataverseError.MissingScope(UserImpersonation).ToResult());
        }

        var callers = http.RequestServices.GetRequiredService<CallerResolver>();
        var user = caller.IsDelegated
            ? await callers.FindUserAsync(caller.TenantId, caller.ObjectId, cancellationToken)
            : await callers.FindApplicationUserAsync(caller.TenantId, caller.ClientAppId, cancellationToken);
        if (user is null || user.IsDisabled)
        {
            return Refuse(DataverseError.NotMember().ToResult());
        }

        var roles = user.Roles.Select(r => SecurityRole.Find(r.RoleId)).OfType<SecurityRole>().ToList();
        var db = http.RequestServices.GetRequiredService<GatehouseDb>();
        return new DataverseRequest(http, new DataverseCaller(environment, user, roles), db, Preferences.Read(http.Request));
    }

    private static Outcome<DataverseRequest, IResult> Refuse(IResult refusal) => Outcome<DataverseRequest, IResult>.Fail(refusal);

    // Dataverse answers 401 with an empty body and a challenge naming the authority and resource, from which clients
    // discover where to get a token: login.microsoftonline.com under the organisation's host (docs/protocol/microsoft-hosts.md §3).
    // The resource is the organisation the client called under its own host, else the token's tenant's, else the
    // default tenant's (docs/protocol/graph-dataverse.md §6).
    private async Task<IResult> ChallengeAsync(
        HttpRequest request, DataverseEnvironment? environment, TokenRejection? rejection = null, CancellationToken cancellationToken = default)
    {
        var tenant = environment?.TenantId.ToString() ?? "common";
        var resource = request.Host.Host.EndsWith(".crm.dynamics.com", StringComparison.OrdinalIgnoreCase)
            ? $"https://{request.Host.Host.ToLowerInvariant()}"
            : (environment ?? await environments.FindDefaultAsync(cancellationToken))?.Url;
        var challenge = $"Bearer authorization_uri={urls.For(request).V1Endpoint(tenant, "authorize")}"
            + (resource is null ? "" : $", resource_id={resource}/")
            + (rejection is null or TokenRejection.Missing ? "" : ", error=\"invalid_token\"");
        return JsonResponse.Empty(StatusCodes.Status401Unauthorized, new Dictionary<string, string> { ["WWW-Authenticate"] = challenge });
    }
}
