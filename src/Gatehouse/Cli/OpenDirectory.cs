using System.CommandLine;

namespace Gatehouse.Cli;

/// <summary>Opens the store that the command line and environment name (migrated, first start done), or says why not.</summary>
internal delegate Task<Outcome<ServiceProvider, string>> OpenDirectory(ParseResult parseResult, CancellationToken cancellationToken);
