using Gatehouse.DirectoryObjects;
using Gatehouse.DirectoryObjects.Transfer;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Hosting;

/// <summary>
/// `serve --import FILE`: the tenant document imported once the store is migrated and set up, before any listener
/// accepts a request, so CI starts a filled server (in memory too) in one command.
/// </summary>
internal static class ImportAtStart
{
    /// <returns>Null once imported (one line on <paramref name="output"/>); otherwise the one-line reason the server does not start.</returns>
    public static async Task<string?> RunAsync(IServiceProvider services, string path, TextWriter output, CancellationToken cancellationToken)
    {
        var file = new FileInfo(path);
        if (file.Length > TenantDocumentJson.MaximumBytes)
        {
            return $"--import: the file {file.Name} is larger than {TenantDocumentJson.MaximumBytes / (1024 * 1024)} MB.";
        }

        var content = await File.ReadAllBytesAsync(file.FullName, cancellationToken);
        await using var scope = services.CreateAsyncScope();
        Outcome<ImportSummary, DirectoryError> imported;
        try
        {
            imported = await scope.ServiceProvider.GetRequiredService<TenantImport>().ImportAsync(content, cancellationToken);
        }
        catch (DbUpdateException e)
        {
            // As the CLI's verbs answer it (Cli/Verb.cs): the store refused the write, the import rolled back; one line.
            return $"--import: {file.Name} was not imported: the store refused it: {(e.InnerException?.Message ?? e.Message).Split('\n')[0].Trim()}";
        }

        if (!imported.Succeeded)
        {
            return $"--import: {file.Name} was not imported: {imported.Error.Message}";
        }

        var summary = imported.Value;
        await output.WriteLineAsync(
            $"Imported tenant {summary.TenantId} from {file.Name}: {summary.Users} users, {summary.Groups} groups, {summary.Applications} applications.");
        return null;
    }
}
