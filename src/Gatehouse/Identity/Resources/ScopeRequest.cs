namespace Gatehouse.Identity.Resources;

/// <summary>A user flow's request on one resource: the catalogue's scope values and the OpenID Connect scopes.</summary>
internal sealed record ScopeRequest(Guid ResourceAppId, IReadOnlyList<string> Scopes, IReadOnlyList<string> Oidc)
{
    public IReadOnlyList<string> Missing(IReadOnlySet<string> granted) => [.. Scopes.Where(s => !granted.Contains(s))];

    /// <summary>
    /// What the tokens will carry: Entra's delegated tokens hold every scope granted on the resource, not only those
    /// requested, then the OpenID Connect scopes asked for.
    /// </summary>
    public string TokenScope(IReadOnlySet<string> granted) => string.Join(' ', granted.Order(StringComparer.Ordinal).Concat(Oidc));
}
