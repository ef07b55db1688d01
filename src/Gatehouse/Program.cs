using Gatehouse.Cli;
using Gatehouse.Hosting;

var hosting = new CommandLineHosting(HostContext.FromProcess());
return await GatehouseCommandLine.Build(hosting.ServeAsync, hosting.OpenDirectoryAsync)
    .Parse(args)
    .InvokeAsync();
