namespace Gatehouse.Portal.Applications;

/// <summary>The permission picker's groups: a permission's category is the part of its value before the first dot (Calendars, User…).</summary>
internal sealed record PermissionGroup(string Category, IReadOnlyList<PermissionChoice> Choices)
{
    private static readonly HashSet<string> OpenIdScopes = new(["openid", "profile", "email", "offline_access"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Open when a filter is applied or a permission in it is already requested, collapsed otherwise.</summary>
    public bool OpenBy(string? filter) => !string.IsNullOrWhiteSpace(filter) || Choices.Any(c => c.AlreadyRequested);

    public static string CategoryOf(string value) =>
        OpenIdScopes.Contains(value) ? "OpenId permissions" : value.Split('.', 2)[0];

    public static IReadOnlyList<PermissionGroup> Of(IEnumerable<PermissionChoice> choices) =>
        [.. choices.GroupBy(c => CategoryOf(c.Value), StringComparer.OrdinalIgnoreCase)
            .OrderBy(g => g.Key == "OpenId permissions" ? 0 : 1).ThenBy(g => g.Key, StringComparer.OrdinalIgnoreCase)
            .Select(g => new PermissionGroup(g.Key, [.. g.OrderBy(c => c.Value, StringComparer.OrdinalIgnoreCase)]))];
}
