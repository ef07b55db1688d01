using Gatehouse.DirectoryObjects.Users;

namespace Gatehouse.DirectoryObjects.SampleData;

/// <summary>
/// An organisation of sample people: a chief executive, departments each headed by someone who reports to them, and
/// in each department a tree in which every manager has up to <see cref="ReportsPerManager"/> direct reports.
/// </summary>
internal sealed class SampleUsers
{
    public const int ReportsPerManager = 8;

    private SampleUsers(List<User> all, Dictionary<string, List<User>> byDepartment)
    {
        All = all;
        ByDepartment = byDepartment;
    }

    public List<User> All { get; }

    /// <summary>Each department's people, head first.</summary>
    public Dictionary<string, List<User>> ByDepartment { get; }

    public static SampleUsers Make(int count, Guid tenantId, string domain, ISet<string> takenUserPrincipalNames, SeededSequence random, DateTimeOffset now)
    {
        var aliases = new Dictionary<string, int>(StringComparer.Ordinal);
        var all = new List<User>(count);
        var byDepartment = SampleVocabulary.Departments.ToDictionary(d => d.Name, _ => new List<User>(), StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var given = random.Pick(SampleVocabulary.GivenNames);
            var surname = random.Pick(SampleVocabulary.Surnames);
            var upn = $"{UniqueAlias(given, surname, domain, aliases, takenUserPrincipalNames)}@{domain}";
            var user = new User
            {
                Id = random.NextGuid(),
                TenantId = tenantId,
                GivenName = given,
                Surname = surname,
                DisplayName = $"{given} {surname}",
                UserPrincipalName = upn,
                NormalizedUserPrincipalName = User.Normalize(upn),
                Mail = upn,
                CreatedDateTime = now,
            };
            all.Add(user);
            if (i > 0)
            {
                // Engineering and Sales are bigger than the rest, as in most companies.
                var department = random.Chance(40) ? SampleVocabulary.Departments[random.Below(2)] : random.Pick(SampleVocabulary.Departments);
                byDepartment[department.Name].Add(user);
            }
        }

        var chief = all[0];
        (chief.Department, chief.JobTitle) = (SampleVocabulary.Executive, SampleVocabulary.ChiefExecutive);
        foreach (var department in SampleVocabulary.Departments)
        {
            Organise(department, byDepartment[department.Name], chief, random);
        }

        return new SampleUsers(all, byDepartment);
    }

    private static void Organise(Department department, List<User> members, User chief, SeededSequence random)
    {
        for (var k = 0; k < members.Count; k++)
        {
            var member = members[k];
            member.Department = department.Name;
            member.ManagerId = k == 0 ? chief.Id : members[(k - 1) / ReportsPerManager].Id;
            member.JobTitle = k == 0 ? department.HeadTitle
                : (k * ReportsPerManager) + 1 < members.Count ? department.ManagerTitle
                : random.Pick(department.StaffTitles);
        }
    }

    private static string UniqueAlias(string given, string surname, string domain, Dictionary<string, int> aliases, ISet<string> taken)
    {
        var stem = $"{given}.{surname}".ToLowerInvariant();
        var n = aliases.GetValueOrDefault(stem);
        string alias;
        do
        {
            n++;
            alias = n == 1 ? stem : $"{stem}{n}";
        }
        while (taken.Contains(User.Normalize($"{alias}@{domain}")));

        aliases[stem] = n;
        return alias;
    }
}
