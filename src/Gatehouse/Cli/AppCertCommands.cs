using System.CommandLine;
using Gatehouse.DirectoryObjects.Credentials;

namespace Gatehouse.Cli;

/// <summary>`gatehouse app cert ...`: Certificates &amp; secrets → Certificates.</summary>
internal static class AppCertCommands
{
    private static readonly Option<FileInfo> File = new("--file") { Description = "Public certificate: .cer, .crt or .pem.", Required = true };
    private static readonly Option<Guid> KeyId = new("--key-id") { Description = "The certificate's ID.", Required = true };

    public static Command Build(OpenDirectory open) => new("cert", "Certificates.")
    {
        Verb.Create("add", "Upload a public certificate.", open, AddAsync, AppCommands.App, File),
        Verb.Create("remove", "Delete a certificate.", open, RemoveAsync, AppCommands.App, KeyId),
    };

    private static async Task<CliResult> AddAsync(VerbContext context)
    {
        var file = context.Value(File);
        if (!file.Exists)
        {
            return CliResult.Fail($"The file {file.FullName} does not exist.");
        }

        if (file.Length > CertificateFile.MaximumBytes)
        {
            return CliResult.Fail($"The file {file.Name} is larger than {CertificateFile.MaximumBytes / 1024} KB; a certificate is smaller.");
        }

        var application = await AppCommands.FindAsync(context);
        if (!application.Succeeded)
        {
            return CliResult.Fail(application.Error);
        }

        var content = await System.IO.File.ReadAllBytesAsync(file.FullName, context.CancellationToken);
        var added = await context.Get<ClientCertificates>().AddAsync(application.Value, content, context.CancellationToken);
        return added.Succeeded
            ? CliResult.Ok(Views.Certificate(added.Value), $"""
                Thumbprint:     {added.Value.Thumbprint}
                Certificate ID: {added.Value.KeyId}
                Start date:     {Views.Date(added.Value.StartDateTime)}
                Expires:        {Views.Date(added.Value.EndDateTime)}
                """)
            : CliResult.Fail(added.Error);
    }

    private static async Task<CliResult> RemoveAsync(VerbContext context)
    {
        var application = await AppCommands.FindAsync(context);
        if (!application.Succeeded)
        {
            return CliResult.Fail(application.Error);
        }

        var removed = await context.Get<ClientCertificates>().RemoveAsync(application.Value, context.Value(KeyId), context.CancellationToken);
        return removed.Succeeded
            ? CliResult.Ok(Views.Certificate(removed.Value), $"Deleted the certificate {removed.Value.Thumbprint}.")
            : CliResult.Fail(removed.Error);
    }
}
