using System.Buffers.Text;

namespace Gatehouse.Graph.Calendars;

/// <summary>
/// Outlook item IDs on the wire: opaque base64url text beginning "AAMk", as Graph's do (docs/protocol/graph-dataverse.md
/// §2.8), carrying the stored GUID. Anything else is not an ID of this server.
/// </summary>
internal static class OutlookIds
{
    private const string Head = "AAMkA";

    public static string Write(Guid id) => Head + Base64Url.EncodeToString(id.ToByteArray());

    public static Guid? Read(string text)
    {
        if (!text.StartsWith(Head, StringComparison.Ordinal) || text.Length != Head.Length + 22 || !Base64Url.IsValid(text.AsSpan(Head.Length)))
        {
            return null;
        }

        return new Guid(Base64Url.DecodeFromChars(text.AsSpan(Head.Length)));
    }
}
