using System.Globalization;
using System.Text.Json;
using Gatehouse.Identity.Issuance;
using Gatehouse.Identity.Protocol;

namespace Gatehouse.Identity.Endpoints;

/// <summary>
/// A successful token response (RFC 6749 §5.1). v1.0 writes every number as a string and adds expires_on, not_before
/// and resource (docs/protocol/entra-protocol.md §3.5).
/// </summary>
internal sealed class TokenResponse(TokenResult result, ProtocolVersion version) : IResult
{
    public string GrantType => result.GrantType;

    public string? ReadableFrom => result.ReadableFrom;

    public async Task ExecuteAsync(HttpContext context)
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

        if (version.IsV2)
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
