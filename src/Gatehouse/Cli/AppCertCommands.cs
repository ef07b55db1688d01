using System.CommandLine;
using System.Globalization;
using System.Text;
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
        Verb.Create("list", "List certificates: thumbprint, ID and validity.", open, ListAsync, AppCommands.App),
        Verb.Create("remove", "Delete a certificate.", open, RemoveAsync, AppCommands.App, KeyId),
    };

    private static Task<CliResult> ListAsync(VerbContext context) => AppCommands.WithAppAsync(context, application =>
    {
        var certificates = application.KeyCredentials.OrderBy(c => c.StartDateTime).ToList();
        var text = new StringBuilder("THUMBPRINT	DESCRIPTION	START DATE	EXPIRES	CERTIFICATE ID");
        foreach (var certificate in certificates)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"\n{certificate.Thumbprint}\t{certificate.DisplayName}\t{Views.Date(certificate.StartDateTime)}\t{Views.Date(certificate.EndDateTime)}\t{certificate.KeyId}");
        }

        return Task.FromResult(CliResult.Ok(new { value = certificates.Select(Views.Certificate) }, text.ToString()));
    });

    private static Task<CliResult> AddAsync(VerbContext context)
    {
        var file = context.Value(File);
        if (!file.Exists)
        {
            return Task.FromResult(CliResult.Fail($"The file {file.FullName} does not exist."));
        }

        if (file.Length > CertificateFile.MaximumBytes)
        {
            return Task.FromResult(CliResult.Fail($"The file {file.Name} is larger than {CertificateFile.MaximumBytes / 1024} KB; a certificate is smaller."));
        }

        return AppCommands.WithAppAsync(context, async application =>
        {
            var content = await System.IO.File.ReadAllBytesAsync(file.FullName, context.CancellationToken);
            return CliResult.From(
                await context.Get<ClientCertificates>().AddAsync(application, content, context.CancellationToken),
                Views.Certificate,
                certificate => $"""
                    Thumbprint:     {certificate.Thumbprint}
                    Certificate ID: {certificate.KeyId}
                    Start date:     {Views.Date(certificate.StartDateTime)}
                    Expires:        {Views.Date(certificate.EndDateTime)}
                    """);
        });
    }

    private static Task<CliResult> RemoveAsync(VerbContext context) => AppCommands.WithAppAsync(context, async application =>
        CliResult.From(
            await context.Get<ClientCertificates>().RemoveAsync(application, context.Value(KeyId), context.CancellationToken),
            Views.Certificate,
            certificate => $"Deleted the certificate {certificate.Thumbprint}."));
}
