using System.CommandLine;
using Gatehouse.Data;

namespace Gatehouse.Cli;

/// <summary>`gatehouse clock ...`: time travel for tests, on a store whose servers run with --allow-clock-offset.</summary>
internal static class ClockCommands
{
    private static readonly Argument<string> By = new("duration") { Description = ClockDuration.Expected };
    private static readonly Argument<string> To = new("date") { Description = "An ISO 8601 date or date and time (UTC unless it says otherwise)." };

    public static Command Build(OpenDirectory open) => new("clock", "Move every node's clock, for tests (--allow-clock-offset).")
    {
        Verb.Create("show", "Show the clock's offset from real time and the time it reads.", open, ShowAsync),
        Verb.Create("advance", "Move the clock forward by a duration (back, when negative).", open, AdvanceAsync, By),
        Verb.Create("set", "Set the clock to a date, from which it runs on.", open, SetAsync, To),
        Verb.Create("reset", "Put the clock back on real time.", open, ResetAsync),
    };

    private static async Task<CliResult> ShowAsync(VerbContext context) =>
        Result(await context.Get<ClockOffsets>().ShowAsync(context.CancellationToken));

    private static async Task<CliResult> AdvanceAsync(VerbContext context) =>
        ClockDuration.Parse(context.ParseResult.GetValue(By)) is { } by
            ? Result(await context.Get<ClockOffsets>().AdvanceAsync(by, context.CancellationToken))
            : CliResult.Fail($"'{context.ParseResult.GetValue(By)}' is not {ClockDuration.Expected}.");

    private static async Task<CliResult> SetAsync(VerbContext context) =>
        ClockDuration.ParseDate(context.ParseResult.GetValue(To)) is { } to
            ? Result(await context.Get<ClockOffsets>().SetNowAsync(to, context.CancellationToken))
            : CliResult.Fail($"'{context.ParseResult.GetValue(To)}' is not an ISO 8601 date (for example 2027-03-01 or 2027-03-01T09:00:00Z).");

    private static async Task<CliResult> ResetAsync(VerbContext context) =>
        Result(await context.Get<ClockOffsets>().ResetAsync(context.CancellationToken));

    private static CliResult Result(Outcome<ClockReading, ClockRefusal> reading) => reading.Succeeded
        ? CliResult.Ok(reading.Value.Json, reading.Value.Text)
        : CliResult.Fail(reading.Error.Message, reading.Error.Code);
}
