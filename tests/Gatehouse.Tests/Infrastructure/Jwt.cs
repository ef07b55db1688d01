using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Gatehouse.Tests.Infrastructure;

/// <summary>Reads a token's header and claims (without validating it) for assertions about what was minted.</summary>
internal static class Jwt
{
    public static JsonWebToken Read(string token) => new JsonWebTokenHandler().ReadJsonWebToken(token);

    public static JsonElement Payload(string token)
    {
        var payload = token.Split('.')[1];
        return JsonDocument.Parse(Microsoft.IdentityModel.Tokens.Base64UrlEncoder.DecodeBytes(payload)).RootElement.Clone();
    }
}
