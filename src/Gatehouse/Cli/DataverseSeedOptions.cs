using System.CommandLine;
using Gatehouse.Dataverse.SampleData;

namespace Gatehouse.Cli;

/// <summary>The options by which `gatehouse seed` also fills the tenant's Dataverse environment.</summary>
internal static class DataverseSeedOptions
{
    public static readonly Option<int> Accounts = new("--accounts") { Description = "Dataverse accounts (default 50).", DefaultValueFactory = _ => 50 };
    public static readonly Option<int> Contacts = new("--contacts") { Description = "Dataverse contacts, the first of each account its primary contact (default 100).", DefaultValueFactory = _ => 100 };
    public static readonly Option<int> Leads = new("--leads") { Description = "Dataverse leads (default 50).", DefaultValueFactory = _ => 50 };
    public static readonly Option<int> Opportunities = new("--opportunities") { Description = "Dataverse opportunities (default 50).", DefaultValueFactory = _ => 50 };

    public static Option[] All => [Accounts, Contacts, Leads, Opportunities];

    public static DataverseSeedRequest Read(VerbContext context, long seed) =>
        new(context.Value(Accounts), context.Value(Contacts), context.Value(Leads), context.Value(Opportunities), seed);
}
