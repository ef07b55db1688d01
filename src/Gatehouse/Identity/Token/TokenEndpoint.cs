using System.Globalization;
using System.Text.Json;
using Gatehouse.Identity.Clients;
using Gatehouse.Identity.Tenancy;
using Microsoft.AspNetCore.Http.Features;

namespace Gatehouse.Identity.Token;

/// <summary>POST /{tenant}/oauth2/v2.0/token and /{tenant}/oauth2/token: parse → validate → grant → respond.</summary>
internal sealed class TokenEndpoint(
    TenantResolver tenants,
    IssuerUrls urls,
    ClientCredentialsGrant clientCredentials,
    AuthorizationCodeGrant authorizationCode,
    RefreshTokenGrant refreshToken,
    DeviceCodeGrant deviceCode,
    PasswordGrant password,
    TokenServiceMetrics metrics,
    TimeProvider clock)
{
    /// <summary>Far above any real request (an assertion with its certificate chain is a few KB).</summary>
    public const long MaximumBodyBytes = 64 * 1024;

    public async Task HandleAsync(HttpContext context, string tenant, bool v2)
    {
        TokenServiceHeaders.Stamp(context);
        var (result, error) = await GrantAsync(context, tenant, v2);
        if (result is null)
        {
            var refusal = error!;
            metrics.Refused(refusal);
            await refusal.WriteAsync(context, clock);
            return;
        }

        metrics.Issued(result.GrantType);
        await WriteAsync(context, result, v2);
    }

    private async Task<(TokenResult? Result, AadstsError? Error)> GrantAsync(HttpContext context, string tenantSegment, bool v2)
    {
        var cancellationToken = context.RequestAborted;
        var (request, tenant, readError) = await ReadAsync(context, tenants, tenantSegment);
        if (request is null || tenant is null)
        {
            return (null, readError);
        }

        if (request.GrantType is null)
        {
            return (null, Aadsts.MissingParameter("grant_type"));
        }

        var (credentials, credentialsError) = ClientCredentials.Read(request, context.Request);
        if (credentials is null)
        {
            return (null, credentialsError);
        }

        var endpointUrls = new TokenEndpointUrls(context.Request, urls, tenant, v2);
        return request.GrantType switch
        {
            ClientCredentialsGrant.GrantType => await clientCredentials.HandleAsync(request, credentials, tenant, endpointUrls, cancellationToken),
            AuthorizationCodeGrant.GrantType => await authorizationCode.HandleAsync(request, credentials, tenant, endpointUrls, cancellationToken),
            RefreshTokenGrant.GrantType => await refreshToken.HandleAsync(request, credentials, tenant, endpointUrls, cancellationToken),
            DeviceCodeGrant.GrantType or DeviceCodeGrant.MsalGrantType => await deviceCode.HandleAsync(request, credentials, tenant, endpointUrls, cancellationToken),
            PasswordGrant.GrantType => await password.HandleAsync(request, credentials, tenant, endpointUrls, cancellationToken),
            _ => (null, Aadsts.UnsupportedGrant(request.GrantType)),
        };
    }

    /// <summary>An oversized body is read and dropped up to this size, so that the client hears why it was refused.</summary>
    public const long DrainedBodyBytes = 1024 * 1024;

    /// <summary>A token-service POST (this endpoint's or the device code endpoint's): its form, each parameter once, and its tenant.</summary>
    public static async Task<(TokenRequest? Request, TenantRoute? Tenant, AadstsError? Error)> ReadAsync(HttpContext context, TenantResolver tenants, string tenantSegment)
    {
        var (form, formError) = await ReadFormAsync(context);
        if (form is null)
        {
            return (null, null, formError);
        }

        var request = new TokenRequest(form);
        if (request.RepeatedParameter is { } repeated)
        {
            return (null, null, Aadsts.RepeatedParameter(repeated));
        }

        var (tenant, tenantError) = await tenants.ResolveAsync(tenantSegment, discovery: false, context.RequestAborted);
        return tenant is null ? (null, null, tenantError) : (request, tenant, null);
    }

    private static async Task<(IFormCollection? Form, AadstsError? Error)> ReadFormAsync(HttpContext context)
    {
        var declared = context.Request.ContentLength;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = declared > MaximumBodyBytes ? DrainedBodyBytes : MaximumBodyBytes;
        }

        if (declared > MaximumBodyBytes)
        {
            await DrainAsync(context);
            return (null, Aadsts.BodyTooLarge(MaximumBodyBytes));
        }

        if (!context.Request.HasFormContentType)
        {
            return (null, Aadsts.MalformedBody());
        }

        try
        {
            return (await context.Request.ReadFormAsync(context.RequestAborted), null);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, Aadsts.BodyTooLarge(MaximumBodyBytes));
        }
        catch (Exception e) when (e is BadHttpRequestException or InvalidDataException or InvalidOperationException or IOException)
        {
            return (null, Aadsts.MalformedBody());
        }
    }

    private static async Task DrainAsync(HttpContext context)
    {
        try
        {
            await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
        }
        catch (Exception e) when (e is BadHttpRequestException or IOException)
        {
            // Larger than even the drain limit: Kestrel closes the connection after the response.
        }
    }

    // v1.0 writes every number as a string and adds expires_on, not_before and resource (reference/entra-protocol.md §3.5).
    private static async Task WriteAsync(HttpContext context, TokenResult result, bool v2)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        TokenServiceHeaders.NoStore(response);
        var token = result.Token;
        await using var writer = new Utf8JsonWriter(response.Body);
        writer.WriteStartObject();
        writer.WriteString("token_type", "Bearer");
        if (result.Scope is not null)
        {
            writer.WriteString("scope", result.Scope);
        }

        if (v2)
        {
            writer.WriteNumber("expires_in", token.Lifetime);
            writer.WriteNumber("ext_expires_in", token.Lifetime);
        }
        else
        {
            writer.WriteString("expires_in", token.Lifetime.ToString(CultureInfo.InvariantCulture));
            writer.WriteString("ext_expires_in", token.Lifetime.ToString(CultureInfo.InvariantCulture));
            writer.WriteString("expires_on", token.ExpiresAt.ToString(CultureInfo.InvariantCulture));
            writer.WriteString("not_before", token.IssuedAt.ToString(CultureInfo.InvariantCulture));
            writer.WriteString("resource", result.Resource);
        }

        writer.WriteString("access_token", token.AccessToken);
        if (result.RefreshToken is not null)
        {
            writer.WriteString("refresh_token", result.RefreshToken);
        }

        if (result.IdToken is not null)
        {
            writer.WriteString("id_token", result.IdToken);
        }

        if (result.ClientInfo is not null)
        {
            writer.WriteString("client_info", result.ClientInfo);
        }

        writer.WriteEndObject();
        await writer.FlushAsync(context.RequestAborted);
    }
}
