using System.CommandLine;
using Gatehouse.Cli;

namespace Gatehouse.Hosting;

/// <summary>Turns a parsed command line, read in <paramref name="context"/>, into a running server or an open store for a management verb.</summary>
internal sealed class CommandLineHosting(HostContext context)
{
    public async Task<int> ServeAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var console = parseResult.InvocationConfiguration;
        var (options, problem) = GatehouseConfiguration.Read(GlobalOptions.ToConfigurationValues(parseResult), context.Variables);
        if (options is null)
        {
            await console.Error.WriteLineAsync(problem);
            return 1;
        }

        return await GatehouseServer.RunAsync(options, context, console.Output, console.Error, cancellationToken);
    }

    public async Task<(ServiceProvider? Services, string? Problem)> OpenDirectoryAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var (options, problem) = GatehouseConfiguration.Read(GlobalOptions.ToConfigurationValues(parseResult), context.Variables);
        if (options is null)
        {
            return (null, problem);
        }

        var collection = new ServiceCollection()
            .AddLogging(logging =>
            {
                if (context.Log is { } log)
                {
                    logging.AddProvider(log);
                }
                else
                {
                    logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
                }

                logging.AddFilter(level => level >= LogLevel.Error)
                    // Failures reach the verb as exceptions and are reported in one line; EF's own log would repeat them.
                    .AddFilter("Microsoft.EntityFrameworkCore", LogLevel.None);
            })
            .AddGatehouseCore(options);
        context.Services?.Invoke(collection);
        var services = collection.BuildServiceProvider();
        try
        {
            problem = await StoreHost.PrepareAsync(services, options, parseResult.InvocationConfiguration.Error, cancellationToken);
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            problem = $"The store could not be opened: {e.Message}";
        }

        if (problem is null)
        {
            return (services, null);
        }

        await services.DisposeAsync();
        return (null, problem);
    }
}
