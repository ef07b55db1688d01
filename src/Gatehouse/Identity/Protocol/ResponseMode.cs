namespace Gatehouse.Identity.Protocol;

/// <summary>
/// How the authorize endpoint's answer travels to the redirect URI (RFC 6749 §4.1.2, OAuth 2.0 Multiple Response Type
/// Encoding Practices §2, Form Post Response Mode §2).
/// </summary>
internal static class ResponseMode
{
    public const string Query = "query";
    public const string Fragment = "fragment";
    public const string FormPost = "form_post";

    public static bool IsSupported(string responseMode) => responseMode is Query or Fragment or FormPost;
}
