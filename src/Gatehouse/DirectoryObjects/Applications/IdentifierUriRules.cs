namespace Gatehouse.DirectoryObjects.Applications;

/// <summary>Application ID URIs: absolute, without wildcard, query or fragment (Entra's identifierUris restrictions).</summary>
internal static class IdentifierUriRules
{
    public const int MaximumLength = 255;

    public static string? Check(string uri, Guid appId)
    {
        if (uri.Length > MaximumLength || !Uri.TryCreate(uri, UriKind.Absolute, out var parsed))
        {
            return $"'{uri}' is not an Application ID URI: use api://{appId} or an https:// URI of at most {MaximumLength} characters.";
        }

        if (uri.Contains('*', StringComparison.Ordinal) || parsed.Query.Length > 0 || parsed.Fragment.Length > 0)
        {
            return $"The Application ID URI '{uri}' must not contain a wildcard, query or fragment.";
        }

        return parsed.Scheme is "api" or "https" or "urn" ? null : $"The Application ID URI '{uri}' must use the api, https or urn scheme.";
    }
}
