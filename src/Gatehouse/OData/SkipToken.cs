using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Gatehouse.OData;

/// <summary>
/// The opaque $skiptoken of a next page (OData 4.01 Part 1 §11.2.6.7): clients pass it back unchanged; only this type
/// reads or writes what is inside. A list in key order pages by the last key sent (keyset: a deep page costs what the
/// first costs, and rows added or removed between pages neither repeat nor hide others); other orders page by offset.
/// </summary>
internal static class SkipToken
{
    private const string OffsetPrefix = "gh1.";
    private const string KeysetPrefix = "gh2.";
    private const int LongestToken = 512;

    public static string Next(int offset) => Encode(OffsetPrefix + offset.ToString(CultureInfo.InvariantCulture));

    /// <summary>The token of the page after the row with <paramref name="key"/>, in key order.</summary>
    public static string After(object key) => Encode(KeysetPrefix + Convert.ToString(key, CultureInfo.InvariantCulture));

    /// <summary>An offset token's offset; a keyset token is refused, as is anything else.</summary>
    public static Outcome<int, QueryError> Read(string? token)
    {
        var position = ReadPosition(token, keyType: null);
        return !position.Succeeded ? position.Error : position.Value.AfterKey is null ? position.Value.Offset : Invalid;
    }

    /// <summary>Where the next page starts: an offset, or after a key of <paramref name="keyType"/> (Guid, string or long).</summary>
    public static Outcome<PagePosition, QueryError> ReadPosition(string? token, Type? keyType)
    {
        if (token is null)
        {
            return new PagePosition(0, null);
        }

        if (token.Length > LongestToken || !Base64Url.IsValid(token))
        {
            return Invalid;
        }

        var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
        if (text.StartsWith(OffsetPrefix, StringComparison.Ordinal))
        {
            return int.TryParse(text.AsSpan(OffsetPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var offset)
                ? new PagePosition(offset, null)
                : Invalid;
        }

        return text.StartsWith(KeysetPrefix, StringComparison.Ordinal) && ParseKey(text[KeysetPrefix.Length..], keyType) is { } key
            ? new PagePosition(0, key)
            : Invalid;
    }

    public static QueryError Invalid => QueryError.InvalidOption("The $skiptoken is not valid: pass back the @odata.nextLink unchanged.");

    private static object? ParseKey(string text, Type? keyType) => keyType switch
    {
        _ when keyType == typeof(Guid) => Guid.TryParseExact(text, "D", out var id) ? id : null,
        _ when keyType == typeof(long) => long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id) ? id : null,
        _ when keyType == typeof(string) => text.Length > 0 ? text : null,
        _ => null,
    };

    private static string Encode(string text) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(text));
}

/// <summary>Where a page starts: after <see cref="AfterKey"/> in key order when it is set, else at <see cref="Offset"/>.</summary>
internal sealed record PagePosition(int Offset, object? AfterKey);
