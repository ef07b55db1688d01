using System.Text.Json;

namespace Gatehouse.Bench;

/// <summary>Whether a token endpoint response body is a JSON object with a non-empty access_token string.</summary>
internal static class TokenResponse
{
    public static bool HasAccessToken(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isAccessToken = reader.ValueTextEquals("access_token"u8);
                reader.Read();
                if (isAccessToken)
                {
                    return reader.TokenType == JsonTokenType.String && reader.ValueSpan.Length > 0;
                }

                reader.Skip();
            }
        }
        catch (JsonException)
        {
            // Not JSON: not a token response.
        }

        return false;
    }
}
