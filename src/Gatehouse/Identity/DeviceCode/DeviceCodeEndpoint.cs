using System.Globalization;
using System.Text.Json;
using Gatehouse.Identity.Authorize;
using Gatehouse.Identity.Tenancy;
using Gatehouse.Identity.Token;

namespace Gatehouse.Identity.DeviceCode;

/// <summary>
/// POST /{tenant}/oauth2/v2.0/devicecode and v1.0's /{tenant}/oauth2/devicecode (RFC 8628 §3.1–3.2; reference/entra-protocol.md
/// §3.3): a device code for the device to poll with and a user code for the person to enter at /devicelogin.
/// </summary>
internal sealed class DeviceCodeEndpoint(TenantResolver tenants, DelegatedScopes delegated, DeviceAuthorizations authorizations, IssuerUrls urls, TimeProvider clock)
{
    public const string VerificationPath = "/devicelogin";

    public async Task HandleAsync(HttpContext context, string tenantSegment, bool v2)
    {
        TokenServiceHeaders.Stamp(context);
        var (issued, error) = await IssueAsync(context, tenantSegment, v2);
        if (issued is null)
        {
            await error!.WriteAsync(context, clock);
            return;
        }

        await WriteAsync(context, issued.Value.DeviceCode, issued.Value.UserCode, v2);
    }

    private async Task<((string DeviceCode, string UserCode)? Issued, AadstsError? Error)> IssueAsync(HttpContext context, string tenantSegment, bool v2)
    {
        var cancellationToken = context.RequestAborted;
        var (request, tenant, readError) = await TokenEndpoint.ReadAsync(context, tenants, tenantSegment);
        if (request is null || tenant is null)
        {
            return (null, readError);
        }

        if (!tenant.IsSpecificTenant)
        {
            return (null, Aadsts.NeedsTenant());
        }

        if (request.ClientId is not { } clientIdText)
        {
            return (null, Aadsts.MissingParameter("client_id"));
        }

        var tenantId = tenant.TenantId!.Value;
        var client = Guid.TryParse(clientIdText, out var clientId) ? await delegated.FindClientAsync(tenantId, clientId, cancellationToken) : null;
        if (client is null)
        {
            return (null, Aadsts.ClientNotFound(clientIdText, tenant.Segment));
        }

        var scopeParameter = v2 ? request.Scope : RequestedScopes.FromResource(request.Resource);
        if (scopeParameter is null)
        {
            return (null, Aadsts.MissingParameter(v2 ? "scope" : "resource"));
        }

        var (requested, scopeError) = RequestedScopes.Parse(scopeParameter);
        if (requested is null)
        {
            return (null, scopeError);
        }

        var (scopes, resolveError) = await delegated.ResolveAsync(tenantId, client, requested, cancellationToken);
        if (scopes is null)
        {
            return (null, resolveError);
        }

        var issued = await authorizations.IssueAsync(
            new DeviceAuthorization
            {
                TenantId = tenantId,
                ClientId = clientId,
                ResourceAppId = scopes.ResourceAppId,
                Scope = string.Join(' ', scopes.Scopes.Concat(scopes.Oidc)),
            },
            cancellationToken);
        return (issued, null);
    }

    // v1.0 names the page verification_url and writes numbers as strings (MSAL.NET reads either; DeviceCodeResponse.cs).
    private async Task WriteAsync(HttpContext context, string deviceCode, string userCode, bool v2)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        TokenServiceHeaders.NoStore(response);
        var verificationUri = urls.Base + VerificationPath;
        var expiresIn = (int)DeviceAuthorizations.Lifetime.TotalSeconds;
        await using var writer = new Utf8JsonWriter(response.Body);
        writer.WriteStartObject();
        writer.WriteString("user_code", userCode);
        writer.WriteString("device_code", deviceCode);
        writer.WriteString(v2 ? "verification_uri" : "verification_url", verificationUri);
        if (v2)
        {
            writer.WriteNumber("expires_in", expiresIn);
            writer.WriteNumber("interval", DeviceAuthorizations.IntervalSeconds);
        }
        else
        {
            writer.WriteString("expires_in", expiresIn.ToString(CultureInfo.InvariantCulture));
            writer.WriteString("interval", DeviceAuthorizations.IntervalSeconds.ToString(CultureInfo.InvariantCulture));
        }

        writer.WriteString("message", $"To sign in, use a web browser to open the page {verificationUri} and enter the code {userCode} to authenticate.");
        writer.WriteEndObject();
        await writer.FlushAsync(context.RequestAborted);
    }
}
