using System.Net.Http.Headers;
using System.Text;
using Gatehouse.Identity.Protocol;

namespace Gatehouse.Identity.Clients;

/// <summary>The credential a request presents: a secret (body or HTTP Basic) or a client assertion, with the client ID it claims.</summary>
internal sealed record ClientCredentials(string? ClientId, string? Secret, string? Assertion, string? AssertionType)
{
    public const string JwtBearerAssertionType = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    /// <summary>No secret and no assertion: a public client, which only names itself.</summary>
    public bool IsPublic => Secret is null && Assertion is null;

    /// <summary>Reads client_secret_post, client_secret_basic (RFC 6749 §2.3.1) or private_key_jwt (RFC 7523 §2.2).</summary>
    public static Outcome<ClientCredentials, AadstsError> Read(TokenRequest request, HttpRequest http)
    {
        string? basicId = null;
        string? basicSecret = null;
        if (AuthenticationHeaderValue.TryParse(http.Headers.Authorization, out var header)
            && string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase))
        {
            if (!TryDecodeBasic(header.Parameter, out basicId, out basicSecret))
            {
                return Aadsts.MalformedBasicCredentials();
            }
        }

        var presented = (request.ClientSecret is null ? 0 : 1) + (basicSecret is null ? 0 : 1) + (request.ClientAssertion is null ? 0 : 1);
        if (presented > 1)
        {
            return Aadsts.ConflictingCredentials();
        }

        if (basicId is not null && request.ClientId is not null && basicId != request.ClientId)
        {
            return Aadsts.ClientIdMismatch();
        }

        return new ClientCredentials(request.ClientId ?? basicId, request.ClientSecret ?? basicSecret, request.ClientAssertion, request.ClientAssertionType);
    }

    // The client ID and secret are form-urlencoded before being joined with ':' and base64-encoded.
    private static bool TryDecodeBasic(string? parameter, out string? clientId, out string? secret)
    {
        clientId = null;
        secret = null;
        Span<byte> buffer = stackalloc byte[1024];
        if (parameter is null || parameter.Length > 1360 || !Convert.TryFromBase64String(parameter, buffer, out var length))
        {
            return false;
        }

        var decoded = Encoding.UTF8.GetString(buffer[..length]);
        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return false;
        }

        clientId = Uri.UnescapeDataString(decoded[..colon].Replace('+', ' '));
        secret = Uri.UnescapeDataString(decoded[(colon + 1)..].Replace('+', ' '));
        return secret.Length > 0;
    }
}
