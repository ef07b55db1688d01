namespace Gatehouse.Dataverse.Security;

/// <summary>
/// A built-in security role. System Administrator holds every privilege organization-wide; Salesperson reads every
/// sales row and creates, writes and deletes only the rows it owns; nobody but an administrator changes system users.
/// </summary>
internal sealed record SecurityRole(Guid Id, string Name, Func<string, AccessRight, AccessDepth> Depth)
{
    public static readonly SecurityRole SystemAdministrator = new(
        new("627090ff-40a3-4053-8790-584edc5be201"), "System Administrator", (_, _) => AccessDepth.Organization);

    public static readonly SecurityRole Salesperson = new(
        new("b2f0a5c6-4c1e-4f3a-9a61-7e3a1c0d5a11"), "Salesperson", SalespersonDepth);

    public static IReadOnlyList<SecurityRole> All { get; } = [SystemAdministrator, Salesperson];

    public static SecurityRole? Find(string idOrName) =>
        All.FirstOrDefault(r => string.Equals(r.Name, idOrName, StringComparison.OrdinalIgnoreCase)
            || (Guid.TryParse(idOrName, out var id) && r.Id == id));

    public static SecurityRole? Find(Guid id) => All.FirstOrDefault(r => r.Id == id);

    private static AccessDepth SalespersonDepth(string table, AccessRight right) => (table, right) switch
    {
        (_, AccessRight.Read) => AccessDepth.Organization,
        ("systemuser", _) => AccessDepth.None,
        _ => AccessDepth.User,
    };
}
