using System.Buffers.Text;
using System.Text;

// Random is banned for anything secret; here it is what is wanted: one seed gives the same requests on every run.
#pragma warning disable RS0030

namespace Gatehouse.Tests.HostileInput;

/// <summary>The malformed values every surface's generator draws from, all from one seeded <see cref="Random"/>.</summary>
internal sealed class Garbage(int seed)
{
    private readonly Random random = new(seed);
    private static readonly string[] Texts =
    [
        "", " ", "null", "undefined", "true", "[]", "{}", "'", "\"", "\\", "%", "%%", "%ZZ", "%FF%FE", "%C3%28", "%00", "%E2%82",
        "' OR 1=1 --", "\"; DROP TABLE Users; --", "../../etc/passwd", "{{7*7}}", "${jndi:ldap://x}", "<script>alert(1)</script>",
        "-1", "0", "1e400", "-1e400", "NaN", "Infinity", "99999999999999999999999999999999", "2147483648", "-9223372036854775809",
        "00000000-0000-0000-0000-000000000000", "11111111-1111-4111-8111-11111111111", "{11111111-1111-4111-8111-111111111111}",
        "\u00e9t\u00e9", "\u202e\u0645\u0631\u062d\u0628\u0627", "\ud83d\ude00", "a\tb", "a\u0000b", "\uffff", "a,b,c", "a;b", "a&b=c", "==", "+",
    ];

    public int Next(int maxValue) => random.Next(maxValue);

    public int Next(int minValue, int maxValue) => random.Next(minValue, maxValue);

    public T Pick<T>(params IReadOnlyList<T> items) => items[random.Next(items.Count)];

    public bool Chance(double probability) => random.NextDouble() < probability;

    /// <summary>A hostile string: one of the classics, a long run, random characters, or random bytes read as text.</summary>
    public string Text() => random.Next(10) switch
    {
        < 6 => Pick(Texts),
        6 => new string(Pick('A', '(', '%', '\'', '9'), random.Next(1_000, 20_000)),
        7 => RandomChars(random.Next(1, 40)),
        8 => Encoding.Latin1.GetString(Bytes(random.Next(1, 30))),
        _ => Guid.NewGuid().ToString().ToUpperInvariant()[..random.Next(1, 36)],
    };

    /// <summary>A hostile string for a URL or header: ASCII only, percent-escaped where a raw byte would not survive.</summary>
    public string UrlText() => Escape(Text());

    /// <summary>Escapes what a URL cannot carry raw, but leaves a string's own (possibly broken) percent escapes alone.</summary>
    public static string Escape(string value)
    {
        var text = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            text.Append(b is > 0x20 and < 0x7f and not (byte)'#' and not (byte)'&' and not (byte)'+' and not (byte)'?' ? ((char)b).ToString() : $"%{b:X2}");
        }

        return text.ToString();
    }

    /// <summary>A header-safe (printable ASCII) hostile string.</summary>
    public string HeaderText()
    {
        var value = Text();
        return new string(value.Select(c => c is >= ' ' and < (char)0x7f ? c : '?').ToArray());
    }

    public string RandomChars(int length)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = (char)random.Next(0x20, 0x7f);
        }

        return new string(chars);
    }

    public byte[] Bytes(int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    /// <summary>An ID that names nothing: a random GUID, a GUID-looking string, or anything at all.</summary>
    public string OddId() => random.Next(4) switch
    {
        0 => new Guid(Bytes(16)).ToString(),
        1 => Pick("00000000-0000-0000-0000-000000000000", "not-a-guid", "1", "-1", "99999999999999999999999999", "'", "..", "%2e%2e", "a%2Fb", "%00", "$count", "$ref"),
        _ => UrlText(),
    };

    /// <summary>A bearer token that is no good, from shapes clients never send to near-valid tokens of Gatehouse's own.</summary>
    public string BadToken(string validToken)
    {
        var parts = validToken.Split('.');
        return random.Next(16) switch
        {
            0 => RandomChars(random.Next(1, 80)),
            1 => "not base64!.also not.!!!",
            2 => string.Join('.', parts) + ".extra.parts",
            3 => $"{B64("{\"alg\":\"none\",\"typ\":\"JWT\"}")}.{parts[1]}.",
            4 => $"{B64("{\"alg\":\"none\"}")}.{parts[1]}",
            5 => $"{parts[0]}.{parts[1]}.{B64(RandomChars(256))}",
            6 => $"{parts[0]}.{B64("{\"aud\":\"https://graph.microsoft.com\",\"exp\":\"soon\"")}.{parts[2]}",
            7 => $"{B64("{\"alg\":\"HS256\",\"kid\":\"" + RandomChars(8) + "\"}")}.{parts[1]}.{parts[2]}",
            8 => $"{B64("[1,2,3]")}.{B64("\"string\"")}.{parts[2]}",
            9 => new string('e', random.Next(20_000, 60_000)),
            10 => $"{parts[0]}.{parts[1][..(parts[1].Length / 2)]}.{parts[2]}",
            11 => validToken.Replace('-', '+').Replace('_', '/') + "==",
            12 => $"{B64("{\"alg\":\"RS256\",\"kid\":null,\"x5u\":\"http://127.0.0.1:9/\",\"jku\":\"http://127.0.0.1:9/\"}")}.{parts[1]}.{parts[2]}",
            13 => $"{parts[0]}.{B64(new string('{', 5_000))}.{parts[2]}",
            14 => $"{parts[0]}.{B64("{\"exp\":1e400,\"nbf\":-99999999999999999999,\"iat\":\"x\",\"tid\":[],\"roles\":{}}")}.{parts[2]}",
            _ => validToken[..^random.Next(1, 10)] + Pick("!", "%", " ", "\u00e9"),
        };
    }

    /// <summary>An Authorization header that is no good: bad tokens, other schemes, or no scheme at all.</summary>
    public string BadAuthorization(string validToken) => random.Next(8) switch
    {
        < 4 => $"Bearer {HeaderSafe(BadToken(validToken))}",
        4 => Pick("Bearer", "Bearer ", "Bearer  ", "bearer", "Basic dXNlcjpwYXNz", "Negotiate YII=", "Digest x", "Bearer a b c"),
        5 => validToken,
        6 => $"Bearer {validToken}, Bearer {validToken}",
        _ => $"{HeaderText()} {HeaderText()}",
    };

    public static string B64(string json) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json));

    public static string HeaderSafe(string value) => new(value.Select(c => c is >= ' ' and < (char)0x7f ? c : '?').ToArray());

    /// <summary>A JSON body that is malformed as text: broken syntax, invalid UTF-8, nesting past any limit, or not JSON at all.</summary>
    public byte[] MalformedJson() => random.Next(12) switch
    {
        0 => [0xFF, 0xFE, (byte)'{', 0xC3, 0x28, (byte)'}'],
        1 => Encoding.UTF8.GetBytes("{\"displayName\": \"unterminated"),
        2 => Encoding.UTF8.GetBytes(new string('[', random.Next(100, 5_000))),
        3 => Encoding.UTF8.GetBytes("{\"a\":" + new string('{', 3_000) + new string('}', 3_000) + "}"),
        4 => Encoding.UTF8.GetBytes("{'single': 'quotes'}"),
        5 => Encoding.UTF8.GetBytes("{\"a\":1,}"),
        6 => [(byte)'{', (byte)'"', (byte)'a', 0xED, 0xA0, 0x80, (byte)'"', (byte)':', (byte)'1', (byte)'}'],
        7 => Bytes(random.Next(1, 200)),
        8 => Encoding.UTF8.GetBytes("{\"a\":\"\\uD800\\u0000\\x\"}"),
        9 => Encoding.UTF8.GetBytes("<xml>not json</xml>"),
        10 => Encoding.UTF8.GetBytes("{\"a\":1}{\"b\":2}"),
        _ => Encoding.UTF8.GetBytes("{\"a\": 01, \"b\": .5, \"c\": tru}"),
    };

    /// <summary>
    /// A JSON value of the wrong kind for any field of a directory object: never a string or a boolean, which some
    /// field would take, so that the body as a whole cannot be a valid request.
    /// </summary>
    public string WrongJsonValue() => Pick(
        "12", "-1", "1e400", "-1e400", "99999999999999999999999999999999", "0.0000000000000000000000000001", "null", "[]", "[[[]]]", "[12]",
        "{}", "{\"@odata.type\":12}", "[\"" + new string('a', 300) + "\"]", "{\"a\":" + new string('[', 70) + new string(']', 70) + "}");

    public string ContentTypeFor(string expected) => random.Next(8) switch
    {
        < 3 => expected,
        3 => expected + "; charset=utf-16",
        4 => Pick("text/plain", "application/xml", "multipart/form-data", "application/octet-stream", "application/x-www-form-urlencoded"),
        5 => Pick("garbage", "application/", "/", ";;;", "application/json; charset=\"", "application/json; boundary=" + new string('-', 300)),
        6 => expected + "; charset=" + RandomChars(6),
        _ => "application/json; odata.metadata=minimal; odata.streaming=true; IEEE754Compatible=false",
    };

    /// <summary>A form body from pairs, encoded well or badly: duplicate and raw parameters, broken escapes, invalid UTF-8.</summary>
    public byte[] Form(IReadOnlyList<(string Key, string Value)> pairs)
    {
        var text = new StringBuilder();
        foreach (var (key, value) in pairs)
        {
            if (text.Length > 0)
            {
                text.Append('&');
            }

            var raw = Chance(0.1);
            text.Append(raw ? key : Uri.EscapeDataString(key)).Append('=').Append(raw ? value : Uri.EscapeDataString(value));
        }

        var body = Encoding.UTF8.GetBytes(text.ToString()).ToList();
        switch (random.Next(12))
        {
            case 0:
                body.AddRange("&%ZZ=%"u8.ToArray());
                break;
            case 1:
                body.AddRange([(byte)'&', (byte)'x', (byte)'=', 0xFF, 0xFE, 0xC3, 0x28]);
                break;
            case 2:
                body.AddRange("&&&==&=&a"u8.ToArray());
                break;
            case 3:
                body.InsertRange(0, "\uFEFF"u8.ToArray());
                break;
        }

        return [.. body];
    }
}
