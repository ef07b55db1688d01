using System.CommandLine;
using System.Text;
using Gatehouse.Identity.Keys;

namespace Gatehouse.Cli;

/// <summary>`gatehouse keys ...`: the token-signing keys.</summary>
internal static class KeyCommands
{
    public static Command Build(OpenDirectory open) => new("keys", "Token-signing keys.")
    {
        Verb.Create("list", "List the signing keys: the active one and those still published.", open, ListAsync),
        Verb.Create("rotate", "Add a new signing key; the old one stays published until the tokens it signed expire.", open, RotateAsync),
    };

    private static async Task<CliResult> ListAsync(VerbContext context)
    {
        var ring = context.Get<SigningKeyRing>();
        await ring.EnsureAsync(context.CancellationToken);
        var keys = await ring.ListAsync(context.CancellationToken);
        var activeKid = keys.Where(k => k.RetiredDateTime is null).MaxBy(k => k.CreatedDateTime)?.Kid;
        var text = new StringBuilder("KID\tCREATED\tSTATUS");
        foreach (var key in keys)
        {
            text.Append($"\n{key.Kid}\t{key.CreatedDateTime:yyyy-MM-dd HH:mm:ss}Z\t{Status(key, activeKid)}");
        }

        return CliResult.Ok(
            new { value = keys.Select(k => new { kid = k.Kid, createdDateTime = k.CreatedDateTime, retiredDateTime = k.RetiredDateTime, status = Status(k, activeKid) }) },
            text.ToString());
    }

    private static async Task<CliResult> RotateAsync(VerbContext context)
    {
        var key = await context.Get<SigningKeyRing>().RotateAsync(context.CancellationToken);
        return CliResult.Ok(new { kid = key.Kid, createdDateTime = key.CreatedDateTime, status = "active" },
            $"New signing key {key.Kid} is active; the previous keys stay published for {SigningKeyRing.PublishedAfterRetirement.TotalMinutes:0} minutes.");
    }

    private static string Status(SigningKey key, string? activeKid) =>
        key.Kid == activeKid ? "active" : key.RetiredDateTime is null ? "published" : "retired";
}
