using System.CommandLine;

namespace Gatehouse.Cli;

/// <summary>The `gatehouse` command: `serve` (the default) and the management verbs README.md shows.</summary>
internal static class GatehouseCommandLine
{
    public static RootCommand Build(Func<ParseResult, CancellationToken, Task<int>> serve, OpenDirectory open)
    {
        var root = new RootCommand("Gatehouse: a self-hosted Microsoft identity platform (Entra ID, Graph, Dataverse, connector hub).");
        foreach (var option in GlobalOptions.All)
        {
            root.Options.Add(option);
        }

        var serveCommand = new Command("serve", "Serve every surface on one HTTPS listener (the default verb).") { GlobalOptions.Import };
        root.Options.Add(GlobalOptions.Import);
        serveCommand.SetAction(serve);
        root.SetAction(serve);
        root.Subcommands.Add(serveCommand);
        root.Subcommands.Add(AppCommands.Build(open));
        root.Subcommands.Add(UserCommands.Build(open));
        root.Subcommands.Add(GroupCommands.Build(open));
        root.Subcommands.Add(IdentityCommands.Build(open));
        root.Subcommands.Add(TenantCommands.Build(open));
        root.Subcommands.Add(KeyCommands.Build(open));
        root.Subcommands.Add(ClockCommands.Build(open));
        root.Subcommands.Add(LogCommands.Build(open));
        root.Subcommands.Add(SeedCommands.Build(open));
        root.Subcommands.Add(DataverseCommands.Build(open));
        root.Subcommands.Add(HubCommands.Build(open));
        return root;
    }
}
