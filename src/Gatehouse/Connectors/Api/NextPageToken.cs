using System.Buffers.Text;
using System.Globalization;
using System.Text;
using Gatehouse.Connectors.Providers;

namespace Gatehouse.Connectors.Api;

/// <summary>
/// The Elements-Next-Page-Token: the provider's own next link and the page size, which Dataverse needs resent with
/// every page (docs/protocol/graph-dataverse.md §6), in base64url.
/// </summary>
internal static class NextPageToken
{
    public static string Encode(int pageSize, string nextLink) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{pageSize.ToString(CultureInfo.InvariantCulture)} {nextLink}"));

    /// <summary>The link and page size, or null when the token is not one this hub gave out for this API.</summary>
    public static (Uri Link, int PageSize)? Decode(string token, ProviderApi api)
    {
        if (!Base64Url.IsValid(token))
        {
            return null;
        }

        var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
        var space = text.IndexOf(' ', StringComparison.Ordinal);

        // The link may lead only into the instance's API.
        return space > 0 && int.TryParse(text.AsSpan(0, space), NumberStyles.None, CultureInfo.InvariantCulture, out var pageSize)
            && pageSize is >= 1 and <= ResourceEndpoints.LargestPageSize
            && Uri.TryCreate(text[(space + 1)..], UriKind.Absolute, out var link) && api.Contains(link)
            ? (link, pageSize)
            : null;
    }
}
