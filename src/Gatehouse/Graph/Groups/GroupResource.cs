using Gatehouse.DirectoryObjects.Groups;
using Gatehouse.OData;

namespace Gatehouse.Graph.Groups;

/// <summary>
/// The group resource (docs/protocol/graph-dataverse.md §2.2): its properties as Graph writes them, and what $filter,
/// $orderby and $search may use by default or as an advanced query (Graph's filter-directory-objects matrix).
/// </summary>
internal static class GroupResource
{
    public const int DefaultPageSize = 100;

    private const FilterOperations Basic = FilterOperations.Equals | FilterOperations.In | FilterOperations.StartsWith;
    private const FilterOperations NotAndNull = FilterOperations.NotEquals | FilterOperations.Null;

    public static GraphShape<Group> Shape { get; } = new GraphShape<Group>("group")
        .Add("id", g => g.Id)
        .Add("deletedDateTime", _ => null)
        .Add("createdDateTime", g => g.CreatedDateTime)
        .Add("description", g => g.Description)
        .Add("displayName", g => g.DisplayName)
        .Add("groupTypes", g => g.GroupTypes)
        .Add("mail", _ => null)
        .Add("mailEnabled", g => g.MailEnabled)
        .Add("mailNickname", g => g.MailNickname)
        .Add("securityEnabled", g => g.SecurityEnabled)
        .Add("visibility", g => g.Visibility);

    public static QueryMap<Group> Query { get; } = new QueryMap<Group>("Group", g => g.Id)
        .Property("id", g => g.Id, FilterOperations.Equals | FilterOperations.In, FilterOperations.NotEquals)
        .Normalized("displayName", g => g.NormalizedDisplayName, Group.Normalize,
            Basic, FilterOperations.NotEquals, Sorting.Default, searchable: true)
        .Text("mailNickname", g => g.MailNickname, Basic, FilterOperations.NotEquals, Sorting.None, searchable: true)
        .Text("description", g => g.Description, FilterOperations.None, Basic | NotAndNull, Sorting.None, searchable: true)
        .Text("visibility", g => g.Visibility, FilterOperations.Equals, NotAndNull)
        .Property("mailEnabled", g => g.MailEnabled, FilterOperations.Equals, FilterOperations.NotEquals)
        .Property("securityEnabled", g => g.SecurityEnabled, FilterOperations.Equals, FilterOperations.NotEquals)
        .Property("createdDateTime", g => g.CreatedDateTime,
            FilterOperations.None, FilterOperations.Equals | FilterOperations.In | FilterOperations.Range | FilterOperations.NotEquals, Sorting.Advanced)
        .Collection("groupTypes", g => g.GroupTypes, FilterOperations.Any | FilterOperations.Equals, FilterOperations.NotEquals);
}
