using Gatehouse.Tests.Infrastructure;

namespace Gatehouse.Tests.Cli;

/// <summary>`gatehouse seed`: sample data in one command, its summary as text or one JSON object.</summary>
public sealed class SeedTests
{
    [Theory]
    [BothStores]
    public async Task Seed_prints_what_it_made_and_the_people_are_in_the_tenant(string kind)
    {
        using var store = TestStore.Create(kind);

        var summary = await GatehouseCli.JsonAsync(store, "seed", "--users", "60", "--groups", "14", "--events-per-user", "3", "--seed", "9");
        var text = await GatehouseCli.RunAsync(store, "seed", "--users", "5", "--groups", "0", "--events-per-user", "0", "--seed", "10");

        Assert.Equal(60, summary.GetProperty("users").GetInt32());
        Assert.Equal(59, summary.GetProperty("usersWithManager").GetInt32());
        Assert.Equal(14, summary.GetProperty("groups").GetInt32());
        Assert.True(summary.GetProperty("groupMemberships").GetInt32() >= 59);
        Assert.Equal(60, summary.GetProperty("calendars").GetInt32());
        Assert.Equal(180, summary.GetProperty("events").GetInt32());
        Assert.Equal(9, summary.GetProperty("seed").GetInt64());
        Assert.Equal("11111111-1111-4111-8111-111111111111", summary.GetProperty("tenantId").GetString());
        Assert.Equal(0, text.ExitCode);
        Assert.StartsWith("Seeded 5 users (4 with a manager), 0 groups (0 memberships) and 0 events", text.Output, StringComparison.Ordinal);
        var export = await GatehouseCli.ExportAsync(store);
        Assert.Equal(1 + 60 + 5, System.Text.Json.JsonDocument.Parse(export).RootElement.GetProperty("users").GetArrayLength());
    }

    [Theory]
    [BothStores]
    public async Task Counts_out_of_range_and_a_seed_already_used_are_refused_and_change_nothing(string kind)
    {
        using var store = TestStore.Create(kind);
        await GatehouseCli.JsonAsync(store, "seed", "--users", "10", "--groups", "2", "--events-per-user", "1", "--seed", "1");
        var before = await GatehouseCli.ExportAsync(store);
        (string[] Options, string Code, string ReasonMentions)[] refused =
        [
            (["--users", "0"], "InvalidValue", "--users"),
            (["--users", "1000001"], "InvalidValue", "--users"),
            (["--groups", "-1"], "InvalidValue", "--groups"),
            (["--events-per-user", "201"], "InvalidValue", "--events-per-user"),
            (["--users", "10", "--seed", "1"], "Conflict", "seed 1"),
        ];

        foreach (var (options, code, mentions) in refused)
        {
            var refusal = await GatehouseCli.RefusedAsync(store, ["seed", .. options]);
            Assert.True(
                refusal.Code == code && refusal.Message.Contains(mentions, StringComparison.Ordinal),
                $"seed {string.Join(' ', options)} was refused with {refusal}");
        }

        Assert.Equal(before, await GatehouseCli.ExportAsync(store));
    }
}
