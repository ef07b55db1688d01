namespace Gatehouse.Hosting;

/// <summary>
/// What in the data folder users other than its owner may enter or read, told at every start as OpenSSH tells of a key
/// file others can read. Only the public certificates (tls.pem, ca.pem) are meant to be readable by everyone; the
/// key-encryption key (keys/kek) is owner-only, in an owner-only folder.
/// </summary>
internal static partial class DataFolderPermissions
{
    private const UnixFileMode OpenToOthers =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    private static readonly string[] PublicFiles = [TlsCertificate.PublicFileName, CertificateAuthorityFile.PublicFileName];

    /// <summary>One sentence per folder or file that is looser than owner-only, with the command that fixes it.</summary>
    public static IEnumerable<string> Problems(string folder)
    {
        if (OperatingSystem.IsWindows() || !Directory.Exists(folder))
        {
            yield break;
        }

        if (File.GetUnixFileMode(folder) is var folderMode && (folderMode & OpenToOthers) != 0)
        {
            yield return $"The data folder {folder} is open to other users (mode {Octal(folderMode)}); run chmod 700 {folder}.";
        }

        var keys = Path.Combine(folder, KeyEncryptionKey.FolderName);
        if (Directory.Exists(keys) && File.GetUnixFileMode(keys) is var keysMode && (keysMode & OpenToOthers) != 0)
        {
            yield return $"The key-encryption key's folder {keys} is open to other users (mode {Octal(keysMode)}); run chmod 700 {keys}.";
        }

        var secrets = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(path => !PublicFiles.Contains(Path.GetRelativePath(folder, path)));
        foreach (var path in secrets.Order(StringComparer.Ordinal))
        {
            if (File.GetUnixFileMode(path) is var mode && (mode & OpenToOthers) != 0)
            {
                yield return $"{path} is readable by other users (mode {Octal(mode)}); run chmod 600 {path}.";
            }
        }
    }

    public static void Warn(ILogger logger, string folder)
    {
        foreach (var problem in Problems(folder))
        {
            LooserThanOwnerOnly(logger, problem);
        }
    }

    private static string Octal(UnixFileMode mode) => Convert.ToString((int)mode & 0x1FF, 8).PadLeft(4, '0');

    [LoggerMessage(EventId = 1010, Level = LogLevel.Warning, Message = "{Problem}")]
    private static partial void LooserThanOwnerOnly(ILogger logger, string problem);
}
