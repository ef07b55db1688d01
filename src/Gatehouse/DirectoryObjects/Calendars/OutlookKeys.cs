using System.Security.Cryptography;

namespace Gatehouse.DirectoryObjects.Calendars;

/// <summary>The opaque version and identity strings Outlook puts on calendar items.</summary>
internal static class OutlookKeys
{
    // The fixed head of an Outlook global object ID (MS-OXOCAL §2.1.3.1.1.20.26), as Graph's iCalUId shows it.
    private const string GlobalObjectIdHead = "040000008200E00074C5B7101A82E00800000000";

    public static string NewChangeKey() => ChangeKey(RandomNumberGenerator.GetBytes(16));

    public static string NewICalUId() => ICalUId(RandomNumberGenerator.GetBytes(16));

    /// <summary>A change key from 16 bytes: base64, as Outlook's.</summary>
    public static string ChangeKey(ReadOnlySpan<byte> bytes) => Convert.ToBase64String(bytes);

    public static string ICalUId(ReadOnlySpan<byte> bytes) => GlobalObjectIdHead + Convert.ToHexString(bytes);
}
