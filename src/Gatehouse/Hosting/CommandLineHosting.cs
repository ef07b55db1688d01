using System.CommandLine;
using Gatehouse.Cli;

namespace Gatehouse.Hosting;

/// <summary>Turns a parsed command line into a running server or an open store for a management verb.</summary>
internal static class CommandLineHosting
{
    public static async Task<int> ServeAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var (options, problem) = GatehouseConfiguration.Read(GlobalOptions.ToConfigurationValues(parseResult));
        if (options is null)
        {
            await Console.Error.WriteLineAsync(problem);
            return 1;
        }

        return await GatehouseServer.RunAsync(options, cancellationToken);
    }

    public static async Task<(IServiceProvider? Services, string? Problem)> OpenDirectoryAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var (options, problem) = GatehouseConfiguration.Read(GlobalOptions.ToConfigurationValues(parseResult));
        if (options is null)
        {
            return (null, problem);
        }

        var services = new ServiceCollection()
            .AddLogging(logging => logging.AddSimpleConsole().AddFilter(level => level >= LogLevel.Error)
                .AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace))
            .AddGatehouseCore(options)
            .BuildServiceProvider();
        try
        {
            problem = await StoreHost.PrepareAsync(services, options, Console.Error, cancellationToken);
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            problem = $"The store could not be opened: {e.Message}";
        }

        return problem is null ? (services, null) : (null, problem);
    }
}
