using Gatehouse.DirectoryObjects;

namespace Gatehouse.Dataverse.SampleData;

/// <summary>How many sales rows `gatehouse seed` makes in the tenant's environment.</summary>
internal sealed record DataverseSeedRequest(int Accounts, int Contacts, int Leads, int Opportunities, long Seed)
{
    public const int MaximumRows = 1_000_000;

    public DirectoryError? Check() =>
        new[] { ("--accounts", Accounts), ("--contacts", Contacts), ("--leads", Leads), ("--opportunities", Opportunities) }
            .FirstOrDefault(c => c.Item2 is < 0 or > MaximumRows) is ({ } name, _)
            ? DirectoryError.Invalid($"{name} must be between 0 and {MaximumRows}.")
            : (Contacts > 0 || Opportunities > 0) && Accounts == 0
                ? DirectoryError.Invalid("Contacts and opportunities belong to accounts: --accounts must be at least 1.")
                : null;
}

/// <summary>What the Dataverse part of a seed made, and how many system users own it.</summary>
internal sealed record DataverseSeedSummary(int Accounts, int Contacts, int Leads, int Opportunities, int Owners, TimeSpan Elapsed);
