using Gatehouse.DirectoryObjects;

namespace Gatehouse.Cli;

/// <summary>What a verb prints: one JSON object with --json, lines of text otherwise; a refusal exits non-zero with one line.</summary>
internal sealed record CliResult(int ExitCode, object Json, string Text)
{
    public const int Refused = 1;

    public static CliResult Ok(object json, string text) => new(0, json, text);

    public static CliResult Fail(DirectoryError error) => Fail(error.Message, error.Kind.ToString());

    /// <summary>A directory operation's outcome as the verb's result.</summary>
    public static CliResult From<T>(Outcome<T, DirectoryError> outcome, Func<T, object> json, Func<T, string> text) =>
        outcome.Succeeded ? Ok(json(outcome.Value), text(outcome.Value)) : Fail(outcome.Error);

    public static CliResult Fail(string reason, string code = "InvalidValue") =>
        new(Refused, new { error = new { code, message = reason } }, reason);
}
