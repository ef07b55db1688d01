using System.CommandLine;
using Gatehouse.Cli;
using Gatehouse.Data;

namespace Gatehouse.Hosting;

/// <summary>Turns a parsed command line, read in <paramref name="context"/>, into a running server or an open store for a management verb.</summary>
internal sealed class CommandLineHosting(HostContext context)
{
    public async Task<int> ServeAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var console = parseResult.InvocationConfiguration;
        var read = GatehouseConfiguration.Read(GlobalOptions.ToConfigurationValues(parseResult), context.Variables);
        if (!read.Succeeded)
        {
            await console.Error.WriteLineAsync(read.Error);
            return 1;
        }

        return await GatehouseServer.RunAsync(read.Value, context, console.Output, console.Error, cancellationToken);
    }

    public async Task<Outcome<ServiceProvider, string>> OpenDirectoryAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var read = GatehouseConfiguration.Read(GlobalOptions.ToConfigurationValues(parseResult), context.Variables);
        if (!read.Succeeded)
        {
            return read.Error;
        }

        var options = read.Value;
        var keyEncryptionKey = KeyEncryptionKey.Read(options);
        if (!keyEncryptionKey.Succeeded)
        {
            return keyEncryptionKey.Error;
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
                    logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace).UseConsoleFormat(options.LogFormat);
                }

                logging.AddFilter(level => level >= LogLevel.Error)
                    // Failures reach the verb as exceptions and are reported in one line; EF's own log would repeat them.
                    .AddFilter("Microsoft.EntityFrameworkCore", LogLevel.None);
            })
            .AddGatehouseCore(options, keyEncryptionKey.Value);
        context.Services?.Invoke(collection);
        collection.AddOffsetClock(options.AllowClockOffset);
        var services = collection.BuildServiceProvider();
        string? problem;
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
            return services;
        }

        await services.DisposeAsync();
        return problem;
    }
}
