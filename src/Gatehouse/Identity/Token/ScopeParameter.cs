namespace Gatehouse.Identity.Token;

/// <summary>
/// The resource a client-credentials request is for: `scope` = exactly one `{resource}/.default` on v2.0
/// (reference/entra-protocol.md §3.4; the resource is everything before the last '/'), `resource` on v1.0.
/// </summary>
internal static class ScopeParameter
{
    private const string DefaultSuffix = "/.default";

    public static (string? Resource, AadstsError? Error) ReadClientCredentialsResource(TokenRequest request, bool v2)
    {
        if (!v2)
        {
            return request.Resource is { Length: > 0 } named ? (named, null) : (null, Aadsts.MissingParameter("resource"));
        }

        if (request.Resource is not null)
        {
            return (null, Aadsts.ResourceParameterOnV2());
        }

        if (request.Scope is null)
        {
            return (null, Aadsts.MissingParameter("scope"));
        }

        var scopes = request.Scope.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (scopes.Length == 0)
        {
            return (null, Aadsts.MissingParameter("scope"));
        }

        if (scopes.FirstOrDefault(s => !s.EndsWith(DefaultSuffix, StringComparison.Ordinal)) is { } bare)
        {
            return (null, Aadsts.ScopeNeedsDefault(bare));
        }

        var resources = scopes.Select(s => s[..^DefaultSuffix.Length]).Distinct(StringComparer.Ordinal).ToList();
        if (resources.Count > 1)
        {
            return (null, Aadsts.MultipleResources());
        }

        return resources[0].Length == 0 ? (null, Aadsts.InvalidScope(request.Scope)) : (resources[0], null);
    }
}
