using Gatehouse.Cli;
using Gatehouse.Hosting;

return await GatehouseCommandLine.Build(CommandLineHosting.ServeAsync, CommandLineHosting.OpenDirectoryAsync)
    .Parse(args)
    .InvokeAsync();
