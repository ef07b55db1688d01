namespace Gatehouse.DirectoryObjects.Transfer;

/// <summary>
/// What the tenant already holds that a merged document may refer to without listing it: its users, groups and
/// service principals by object ID, and its apps by appId. A replace starts from nothing.
/// </summary>
internal sealed record KnownObjects(IReadOnlyDictionary<Guid, DirectoryObjectType> Principals, IReadOnlySet<Guid> AppIds)
{
    public static KnownObjects None { get; } = new(new Dictionary<Guid, DirectoryObjectType>(), new HashSet<Guid>());

    public bool Has(Guid id, DirectoryObjectType type) => Principals.TryGetValue(id, out var known) && known == type;
}
