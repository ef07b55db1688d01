namespace Gatehouse.Identity.Protocol;

/// <summary>
/// The authorize request's response_type (OAuth 2.0 Multiple Response Type Encoding Practices §3): code, id_token, or
/// both in either order (the hybrid flow, OpenID Connect Core §3.3). Access tokens from this endpoint are not offered.
/// </summary>
internal sealed record ResponseType(bool Code, bool IdToken)
{
    /// <summary>Null when absent or not one of the supported combinations.</summary>
    public static ResponseType? Parse(string? value)
    {
        var parts = (value ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length is 0 or > 2 || parts.Distinct(StringComparer.Ordinal).Count() != parts.Length || parts.Any(p => p is not ("code" or "id_token")))
        {
            return null;
        }

        return new ResponseType(parts.Contains("code", StringComparer.Ordinal), parts.Contains("id_token", StringComparer.Ordinal));
    }

    /// <summary>
    /// An ID token never travels in the query (Multiple Response Type Encoding Practices §3.0; Entra's AADSTS70007) and
    /// needs a nonce to bind it to the request (OpenID Connect Core §3.2.2.1).
    /// </summary>
    public static AadstsError? IdTokenRuleError(string responseMode, string? nonce) =>
        responseMode == ResponseMode.Query ? Aadsts.QueryWithIdToken()
        : nonce is not { Length: > 0 } ? Aadsts.MissingParameter("nonce")
        : null;
}
