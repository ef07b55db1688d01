using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Gatehouse.OData;

/// <summary>
/// The opaque $skiptoken of a next page (OData 4.01 Part 1 §11.2.6.7): clients pass it back unchanged; only this type
/// reads or writes what is inside.
/// </summary>
internal static class SkipToken
{
    private const string Prefix = "gh1.";

    public static string Next(int offset) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(Prefix + offset.ToString(CultureInfo.InvariantCulture)));

    public static Outcome<int, QueryError> Read(string? token)
    {
        if (token is null)
        {
            return 0;
        }

        var invalid = QueryError.InvalidOption("The $skiptoken is not valid: pass back the @odata.nextLink unchanged.");
        if (token.Length > 64 || !Base64Url.IsValid(token))
        {
            return invalid;
        }

        var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
        return text.StartsWith(Prefix, StringComparison.Ordinal)
            && int.TryParse(text.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var offset)
            ? offset
            : invalid;
    }
}
