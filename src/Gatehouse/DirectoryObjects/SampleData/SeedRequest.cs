namespace Gatehouse.DirectoryObjects.SampleData;

/// <summary>How much sample data to make, and from which seed.</summary>
internal sealed record SeedRequest(int Users, int Groups, int EventsPerUser, long Seed)
{
    public const int MaximumUsers = 1_000_000;
    public const int MaximumGroups = 100_000;
    public const int MaximumEventsPerUser = 200;

    public DirectoryError? Check() =>
        Users is < 1 or > MaximumUsers ? DirectoryError.Invalid($"--users must be between 1 and {MaximumUsers}.")
        : Groups is < 0 or > MaximumGroups ? DirectoryError.Invalid($"--groups must be between 0 and {MaximumGroups}.")
        : EventsPerUser is < 0 or > MaximumEventsPerUser ? DirectoryError.Invalid($"--events-per-user must be between 0 and {MaximumEventsPerUser}.")
        : null;
}

/// <summary>What a seed made.</summary>
internal sealed record SeedSummary(
    Guid TenantId,
    long Seed,
    int Users,
    int UsersWithManager,
    int Groups,
    int GroupMemberships,
    int Calendars,
    int Events,
    DateTimeOffset EventsFrom,
    DateTimeOffset EventsUntil,
    TimeSpan Elapsed);
