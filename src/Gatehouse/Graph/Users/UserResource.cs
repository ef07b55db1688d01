using Gatehouse.DirectoryObjects.Users;
using Gatehouse.OData;

namespace Gatehouse.Graph.Users;

/// <summary>
/// The user resource (docs/protocol/graph-dataverse.md §2.1): what a GET returns by default and on $select, and what
/// $filter, $orderby and $search may use, by default or as an advanced query (Graph's filter-directory-objects matrix).
/// </summary>
internal static class UserResource
{
    public const int DefaultPageSize = 100;

    private const FilterOperations Basic = FilterOperations.Equals | FilterOperations.In | FilterOperations.StartsWith;
    private const FilterOperations NotAndNull = FilterOperations.NotEquals | FilterOperations.Null;

    public static GraphShape<User> Shape { get; } = new GraphShape<User>("user")
        .Member("businessPhones", u => u.BusinessPhones)
        .Member("displayName", u => u.DisplayName)
        .Member("givenName", u => u.GivenName)
        .Member("jobTitle", u => u.JobTitle)
        .Member("mail", u => u.Mail)
        .Member("mobilePhone", u => u.MobilePhone)
        .Member("officeLocation", u => u.OfficeLocation)
        .Member("preferredLanguage", u => u.PreferredLanguage)
        .Member("surname", u => u.Surname)
        .Member("userPrincipalName", u => u.UserPrincipalName)
        .Member("id", u => u.Id)
        .Member("accountEnabled", u => u.AccountEnabled, @default: false)
        .Member("city", u => u.City, @default: false)
        .Member("companyName", u => u.CompanyName, @default: false)
        .Member("country", u => u.Country, @default: false)
        .Member("createdDateTime", u => u.CreatedDateTime, @default: false)
        .Member("department", u => u.Department, @default: false)
        .Member("employeeId", u => u.EmployeeId, @default: false)
        .Member("mailNickname", u => u.MailNickname, @default: false)
        .Member("usageLocation", u => u.UsageLocation, @default: false)
        .Member("userType", u => u.UserType, @default: false);

    public static QueryMap<User> Query { get; } = new QueryMap<User>("User", u => u.Id)
        .Property("id", u => u.Id, FilterOperations.Equals | FilterOperations.In, FilterOperations.NotEquals)
        .Normalized("userPrincipalName", u => u.NormalizedUserPrincipalName, User.Normalize,
            Basic, FilterOperations.NotEquals | FilterOperations.EndsWith, Sorting.Default, searchable: true)
        .Normalized("displayName", u => u.NormalizedDisplayName, User.Normalize,
            Basic, FilterOperations.NotEquals, Sorting.Default, searchable: true)
        .Text("mail", u => u.Mail, Basic, NotAndNull | FilterOperations.EndsWith, Sorting.Advanced, searchable: true)
        .Text("givenName", u => u.GivenName, Basic, NotAndNull, Sorting.Advanced, searchable: true)
        .Text("surname", u => u.Surname, Basic, NotAndNull, Sorting.Advanced, searchable: true)
        .Text("jobTitle", u => u.JobTitle, Basic, NotAndNull, Sorting.Advanced, searchable: true)
        .Text("department", u => u.Department, Basic, NotAndNull, Sorting.Advanced, searchable: true)
        .Text("mailNickname", u => u.MailNickname, Basic, NotAndNull, Sorting.Advanced, searchable: true)
        .Text("employeeId", u => u.EmployeeId, Basic, NotAndNull)
        .Text("userType", u => u.UserType, FilterOperations.Equals | FilterOperations.In, NotAndNull)
        .Text("companyName", u => u.CompanyName, FilterOperations.None, Basic | NotAndNull)
        .Text("mobilePhone", u => u.MobilePhone, FilterOperations.None, Basic | NotAndNull)
        .Text("officeLocation", u => u.OfficeLocation, FilterOperations.None, Basic | NotAndNull)
        .Text("city", u => u.City, FilterOperations.None, Basic | NotAndNull)
        .Text("country", u => u.Country, FilterOperations.None, Basic | NotAndNull)
        .Text("usageLocation", u => u.UsageLocation, FilterOperations.None, Basic | NotAndNull)
        .Text("preferredLanguage", u => u.PreferredLanguage, FilterOperations.None, Basic | NotAndNull)
        .Property("accountEnabled", u => u.AccountEnabled, FilterOperations.Equals, FilterOperations.NotEquals)
        .Property("createdDateTime", u => u.CreatedDateTime,
            FilterOperations.Equals | FilterOperations.In | FilterOperations.Range, FilterOperations.NotEquals, Sorting.Advanced)
        .Collection("businessPhones", u => u.BusinessPhones, FilterOperations.None, FilterOperations.Any | FilterOperations.Equals);
}
