namespace Gatehouse.Identity.Protocol;

/// <summary>
/// The authorize request's response_type (OAuth 2.0 Multiple Response Type Encoding Practices §3): any combination of
/// code, id_token and token, in any order: the code flow, OpenID Connect's implicit and hybrid flows (OpenID Connect
/// Core §3.2, §3.3) and the implicit grant (RFC 6749 §4.2; docs/protocol/entra-protocol.md §3.3).
/// </summary>
internal sealed record ResponseType(bool Code, bool IdToken, bool Token)
{
    private static readonly string[] Values = ["code", "id_token", "token"];

    /// <summary>Whether the answer carries a token (an ID token or an access token), which never travels in the query.</summary>
    public bool CarriesToken => IdToken || Token;

    /// <summary>Null when absent or not a combination of the three values, each at most once.</summary>
    public static ResponseType? Parse(string? value)
    {
        var parts = (value ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0 || parts.Distinct(StringComparer.Ordinal).Count() != parts.Length || parts.Any(p => !Values.Contains(p, StringComparer.Ordinal)))
        {
            return null;
        }

        return new ResponseType(parts.Contains("code", StringComparer.Ordinal), parts.Contains("id_token", StringComparer.Ordinal), parts.Contains("token", StringComparer.Ordinal));
    }

    /// <summary>
    /// A token never travels in the query (Multiple Response Type Encoding Practices §3.0, §5; Entra's AADSTS70007), and an
    /// ID token needs a nonce to bind it to the request (OpenID Connect Core §3.2.2.1).
    /// </summary>
    public AadstsError? RuleError(string responseMode, string? nonce) =>
        CarriesToken && responseMode == ResponseMode.Query ? Aadsts.QueryWithToken()
        : IdToken && nonce is not { Length: > 0 } ? Aadsts.MissingParameter("nonce")
        : null;
}
