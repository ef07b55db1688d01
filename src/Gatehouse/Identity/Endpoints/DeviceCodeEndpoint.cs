using Gatehouse.DirectoryObjects.Applications;
using Gatehouse.Identity.Clients;
using Gatehouse.Identity.Issuance;
using Gatehouse.Identity.Protocol;
using Gatehouse.Identity.Resources;

namespace Gatehouse.Identity.Endpoints;

/// <summary>
/// POST /{tenant}/oauth2/v2.0/devicecode and v1.0's /{tenant}/oauth2/devicecode (RFC 8628 §3.1–3.2; docs/protocol/entra-protocol.md
/// §3.3): a device code for the device to poll with and a user code for the person to enter at /devicelogin. On
/// /common and /organizations a multi-tenant app's code is for whoever enters it, in their tenant (§3.8).
/// </summary>
internal static class DeviceCodeEndpoint
{
    public const string VerificationPath = "/devicelogin";

    public static IEndpointRouteBuilder MapDeviceCode(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/{tenant}/oauth2/v2.0/devicecode", HandleAsync).WithMetadata(ProtocolVersion.V2);
        endpoints.MapPost("/{tenant}/oauth2/devicecode", HandleAsync).WithMetadata(ProtocolVersion.V1);
        return endpoints;
    }

    private static async Task<IResult> HandleAsync(
        string tenant,
        TokenPost post,
        ProtocolVersion version,
        TenantResolver tenants,
        ClientRegistrations registrations,
        DelegatedScopes delegated,
        DeviceAuthorizations authorizations,
        IssuerUrls urls,
        HttpRequest httpRequest,
        CancellationToken cancellationToken)
    {
        var read = post.Request;
        if (!read.Succeeded)
        {
            return read.Error;
        }

        var route = await tenants.ResolveAsync(tenant, discovery: false, cancellationToken);
        if (!route.Succeeded)
        {
            return route.Error;
        }

        if (route.Value.Segment == TenantRoute.Consumers)
        {
            return Aadsts.NeedsTenant();
        }

        var request = read.Value;
        if (request.ClientId is not { } clientIdText)
        {
            return Aadsts.MissingParameter("client_id");
        }

        var named = route.Value.TenantId;
        var client = !Guid.TryParse(clientIdText, out var clientId) ? null
            : named is { } namedTenant ? await registrations.FindClientAsync(namedTenant, clientId, cancellationToken)
            : await registrations.FindApplicationAsync(clientId, cancellationToken);
        if (client is null)
        {
            return Aadsts.ClientNotFound(clientIdText, route.Value.Segment);
        }

        if (named is null && client.SignInAudience == Application.SingleTenant)
        {
            return Aadsts.SingleTenantAppOnCommon(clientId, client.DisplayName);
        }

        // On an alias the scopes are named as the app's own tenant knows them; the person's tenant is not known yet.
        var tenantId = named ?? client.TenantId;

        var requested = RequestedScopes.Read(request, version.IsV2);
        if (!requested.Succeeded)
        {
            return requested.Error;
        }

        var scopes = await delegated.ResolveAsync(tenantId, client, requested.Value, cancellationToken);
        if (!scopes.Succeeded)
        {
            return scopes.Error;
        }

        var (deviceCode, userCode) = await authorizations.IssueAsync(
            new DeviceAuthorization
            {
                TenantId = named ?? DeviceAuthorization.AnyTenant,
                ClientId = clientId,
                ResourceAppId = scopes.Value.ResourceAppId,
                Scope = string.Join(' ', scopes.Value.Scopes.Concat(scopes.Value.Oidc)),
            },
            cancellationToken);
        return new DeviceCodeResponse(deviceCode, userCode, urls.For(httpRequest).Base + VerificationPath, version);
    }
}
