using System.CommandLine;
using System.Globalization;
using Gatehouse.Dataverse.SampleData;
using Gatehouse.DirectoryObjects.SampleData;

namespace Gatehouse.Cli;

/// <summary>`gatehouse seed`: deterministic sample data.</summary>
internal static class SeedCommands
{
    private static readonly Option<int> Users = new("--users") { Description = "Sample people to create (default 100).", DefaultValueFactory = _ => 100 };
    private static readonly Option<int> Groups = new("--groups") { Description = "Groups: one per department first, then project groups (default 20).", DefaultValueFactory = _ => 20 };
    private static readonly Option<int> EventsPerUser = new("--events-per-user") { Description = "Calendar events per person, over the weeks around today (default 10).", DefaultValueFactory = _ => 10 };
    private static readonly Option<long> Seed = new("--seed") { Description = "The same seed makes the same data (default 1).", DefaultValueFactory = _ => 1 };

    public static Command Build(OpenDirectory open) =>
        Verb.Create("seed", "Fill the tenant with sample people, managers, groups, calendar events and Dataverse sales rows.", open, SeedAsync,
            [Users, Groups, EventsPerUser, Seed, .. DataverseSeedOptions.All]);

    private static async Task<CliResult> SeedAsync(VerbContext context)
    {
        var request = new SeedRequest(context.Value(Users), context.Value(Groups), context.Value(EventsPerUser), context.Value(Seed));
        var sales = DataverseSeedOptions.Read(context, request.Seed);
        if (sales.Check() is { } invalid)
        {
            return CliResult.Fail(invalid);
        }

        var seeded = await context.Get<SampleDataSeed>().SeedAsync(context.Tenant, request, context.CancellationToken);
        if (!seeded.Succeeded)
        {
            return CliResult.Fail(seeded.Error);
        }

        var salesSeeded = await context.Get<DataverseSampleData>().SeedAsync(context.Tenant.Id, sales, context.CancellationToken);
        if (!salesSeeded.Succeeded)
        {
            return CliResult.Fail(salesSeeded.Error);
        }

        var dataverse = salesSeeded.Value;
        return CliResult.From(
            seeded,
            s => new
            {
                tenantId = s.TenantId,
                seed = s.Seed,
                users = s.Users,
                usersWithManager = s.UsersWithManager,
                groups = s.Groups,
                groupMemberships = s.GroupMemberships,
                calendars = s.Calendars,
                events = s.Events,
                eventsFrom = s.EventsFrom,
                eventsUntil = s.EventsUntil,
                accounts = dataverse.Accounts,
                contacts = dataverse.Contacts,
                leads = dataverse.Leads,
                opportunities = dataverse.Opportunities,
                elapsedSeconds = Math.Round((s.Elapsed + dataverse.Elapsed).TotalSeconds, 2),
            },
            s => string.Create(
                CultureInfo.InvariantCulture,
                $"Seeded {s.Users} users ({s.UsersWithManager} with a manager), {s.Groups} groups ({s.GroupMemberships} memberships) and {s.Events} events from {s.EventsFrom:yyyy-MM-dd} until {s.EventsUntil:yyyy-MM-dd}, and {dataverse.Accounts} accounts, {dataverse.Contacts} contacts, {dataverse.Leads} leads and {dataverse.Opportunities} opportunities in {(s.Elapsed + dataverse.Elapsed).TotalSeconds:0.0} s (seed {s.Seed})."));
    }
}
