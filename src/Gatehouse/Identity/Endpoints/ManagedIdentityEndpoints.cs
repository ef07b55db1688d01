using System.Globalization;
using System.Text.Json;
using Gatehouse.DirectoryObjects.Logs;
using Gatehouse.Identity.Clients;
using Gatehouse.Identity.Grants;
using Gatehouse.Identity.Issuance;
using Gatehouse.Identity.Protocol;

namespace Gatehouse.Identity.Endpoints;

/// <summary>
/// The two endpoints Azure.Identity's ManagedIdentityCredential asks for a managed identity's token: Azure's instance
/// metadata service (IMDS) and App Service's identity endpoint (docs/protocol/entra-protocol.md §8).
/// </summary>
internal static class ManagedIdentityEndpoints
{
    public static IEndpointRouteBuilder MapManagedIdentity(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/metadata/identity/oauth2/token", ImdsAsync);
        endpoints.MapGet("/msi/token", AppServiceAsync);
        return endpoints;
    }

    private static async Task<IResult> ImdsAsync(ImdsTokenRequest bound, ManagedIdentityClients identities, ManagedIdentityGrant grant, SignInLog signIns, HttpContext context)
    {
        if (!bound.Request.Succeeded)
        {
            return bound.Request.Error;
        }

        var request = bound.Request.Value;
        var identity = await identities.FindOnHostAsync(request.Identity, context.RequestAborted);
        return await IssueAsync(identity, request, grant, signIns, ImdsResponse, context);
    }

    private static async Task<IResult> AppServiceAsync(AppServiceTokenRequest bound, ManagedIdentityClients identities, ManagedIdentityGrant grant, SignInLog signIns, HttpContext context)
    {
        if (!bound.Request.Succeeded)
        {
            return bound.Request.Error;
        }

        var request = bound.Request.Value;
        var identity = await identities.FindForHeaderAsync(request.Identity, bound.IdentityHeader, context.RequestAborted);
        return await IssueAsync(identity, request, grant, signIns, AppServiceResponse, context);
    }

    private static async Task<IResult> IssueAsync(
        Outcome<ClientSnapshot, ManagedIdentityError> identity,
        ManagedIdentityTokenRequest request,
        ManagedIdentityGrant grant,
        SignInLog signIns,
        Action<Utf8JsonWriter, IssuedToken, ManagedIdentityTokenRequest, ClientSnapshot> write,
        HttpContext context)
    {
        if (!identity.Succeeded)
        {
            return identity.Error;
        }

        var granted = await grant.IssueAsync(identity.Value, request.Resource, context.RequestAborted);
        await signIns.RecordAsync(ManagedIdentitySignIns.Entry(identity.Value, request.Resource, granted, context, signIns.Clock));
        return granted.Succeeded
            ? new ManagedIdentityTokenResponse(writer => write(writer, granted.Value.Token, request, identity.Value))
            : ManagedIdentityError.From(granted.Error);
    }

    // IMDS writes every number as a string (docs/protocol/entra-protocol.md §8.1).
    private static void ImdsResponse(Utf8JsonWriter writer, IssuedToken token, ManagedIdentityTokenRequest request, ClientSnapshot identity)
    {
        writer.WriteString("access_token", token.AccessToken);
        writer.WriteString("client_id", identity.AppId.ToString());
        writer.WriteString("expires_in", Text(token.Lifetime));
        writer.WriteString("expires_on", Text(token.ExpiresAt));
        writer.WriteString("ext_expires_in", Text(token.Lifetime));
        writer.WriteString("not_before", Text(token.IssuedAt));
        writer.WriteString("resource", request.Resource);
        writer.WriteString("token_type", "Bearer");
    }

    // App Service 2019-08-01: expires_on in epoch seconds, no expires_in (docs/protocol/entra-protocol.md §8.2).
    private static void AppServiceResponse(Utf8JsonWriter writer, IssuedToken token, ManagedIdentityTokenRequest request, ClientSnapshot identity)
    {
        writer.WriteString("access_token", token.AccessToken);
        writer.WriteString("expires_on", Text(token.ExpiresAt));
        writer.WriteString("resource", request.Resource);
        writer.WriteString("token_type", "Bearer");
        writer.WriteString("client_id", identity.AppId.ToString());
    }

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);

    private sealed class ManagedIdentityTokenResponse(Action<Utf8JsonWriter> writeFields) : IResult
    {
        public Task ExecuteAsync(HttpContext context) => JsonAnswer.WriteAsync(context, StatusCodes.Status200OK, writeFields);
    }
}
