using Gatehouse.Identity.Protocol;

namespace Gatehouse.Identity.Resources;

/// <summary>
/// The resource a client-credentials request is for: `scope` = exactly one `{resource}/.default` on v2.0
/// (docs/protocol/entra-protocol.md §3.4; the resource is everything before the last '/'), `resource` on v1.0.
/// </summary>
internal static class ScopeParameter
{
    private const string DefaultSuffix = "/.default";

    public static Outcome<string, AadstsError> ReadClientCredentialsResource(TokenRequest request, bool v2)
    {
        if (!v2)
        {
            return request.Resource is { Length: > 0 } named ? named : Aadsts.MissingParameter("resource");
        }

        if (request.Resource is not null)
        {
            return Aadsts.ResourceParameterOnV2();
        }

        if (request.Scope is null)
        {
            return Aadsts.MissingParameter("scope");
        }

        var scopes = request.Scope.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (scopes.Length == 0)
        {
            return Aadsts.MissingParameter("scope");
        }

        if (scopes.FirstOrDefault(s => !s.EndsWith(DefaultSuffix, StringComparison.Ordinal)) is { } bare)
        {
            return Aadsts.ScopeNeedsDefault(bare);
        }

        var resources = scopes.Select(s => s[..^DefaultSuffix.Length]).Distinct(StringComparer.Ordinal).ToList();
        if (resources.Count > 1)
        {
            return Aadsts.MultipleResources();
        }

        return resources[0].Length == 0 ? Aadsts.InvalidScope(request.Scope) : resources[0];
    }
}
