namespace Gatehouse.Hosting;

/// <summary>Files Gatehouse writes into its data folder beside the store: certificates and their protected keys.</summary>
internal static class DataFolderFiles
{
    public const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public const UnixFileMode Public = OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    /// <summary>Writes <paramref name="content"/> beside <paramref name="path"/> with <paramref name="mode"/>, then moves it into place whole.</summary>
    public static void WriteAtomically(string path, byte[] content, UnixFileMode mode)
    {
        var temporary = path + ".tmp";
        File.WriteAllBytes(temporary, content);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temporary, mode);
        }

        File.Move(temporary, path, overwrite: true);
    }
}
