using Gatehouse.DirectoryObjects.Groups;
using Gatehouse.DirectoryObjects.Users;

namespace Gatehouse.DirectoryObjects.SampleData;

/// <summary>Sample groups: one per department (its people, owned by its head), then project groups of a few people each.</summary>
internal static class SampleGroups
{
    public static List<Group> Make(int count, Guid tenantId, SampleUsers users, SeededSequence random, DateTimeOffset now)
    {
        var groups = new List<Group>(count);
        for (var i = 0; i < count; i++)
        {
            var group = i < SampleVocabulary.Departments.Length
                ? DepartmentGroup(SampleVocabulary.Departments[i], users.ByDepartment[SampleVocabulary.Departments[i].Name])
                : ProjectGroup(i - SampleVocabulary.Departments.Length, users.All, random);
            group.Id = random.NextGuid();
            group.TenantId = tenantId;
            group.CreatedDateTime = now;
            group.MailNickname = new string(group.DisplayName.Where(char.IsLetterOrDigit).ToArray());
            foreach (var member in group.Members)
            {
                member.GroupId = group.Id;
            }

            foreach (var owner in group.Owners)
            {
                owner.GroupId = group.Id;
            }

            groups.Add(group);
        }

        return groups;
    }

    private static Group DepartmentGroup(Department department, List<User> members) => new()
    {
        DisplayName = department.Name,
        Description = $"Everyone in {department.Name}.",
        Visibility = "Public",
        Members = [.. members.Select(Member)],
        Owners = members.Count == 0 ? [] : [Owner(members[0])],
    };

    private static Group ProjectGroup(int index, List<User> everyone, SeededSequence random)
    {
        var project = SampleVocabulary.ProjectNames[index % SampleVocabulary.ProjectNames.Length];
        var round = index / SampleVocabulary.ProjectNames.Length;
        var name = string.Format(System.Globalization.CultureInfo.InvariantCulture, random.Pick(SampleVocabulary.GroupKinds), project);
        var members = new Dictionary<Guid, User>();
        var size = Math.Min(everyone.Count, random.Between(3, 25));
        while (members.Count < size)
        {
            var user = random.Pick(everyone);
            members.TryAdd(user.Id, user);
        }

        var ordered = members.Values.ToList();
        return new Group
        {
            DisplayName = round == 0 ? name : $"{name} {round + 1}",
            Description = $"People working on {project}.",
            Visibility = random.Chance(20) ? "Private" : "Public",
            Members = [.. ordered.Select(Member)],
            Owners = [Owner(ordered[0])],
        };
    }

    private static GroupMember Member(User user) => new() { MemberId = user.Id, MemberType = DirectoryObjectType.User };

    private static GroupOwner Owner(User user) => new() { OwnerId = user.Id, OwnerType = DirectoryObjectType.User };
}
