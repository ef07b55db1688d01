namespace Gatehouse.DirectoryObjects.Tenants;

/// <summary>
/// <c>&lt;data&gt;/admin-password.txt</c>: the default tenant's first administrator's password when the first start
/// generated it, readable by the server's user only. No file in memory (<c>--in-memory</c>) or when the operator gave
/// the password. A tenant import that leaves the password signing in no Global Administrator removes the file rather
/// than leave it to mislead.
/// </summary>
internal sealed class AdministratorPasswordFile(string? path)
{
    public const string FileName = "admin-password.txt";

    public string? Path => path;

    public async Task WriteAsync(string password, CancellationToken cancellationToken)
    {
        if (path is null)
        {
            return;
        }

        var ownerOnly = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            ownerOnly.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using var file = new StreamWriter(path, ownerOnly);
        await file.WriteLineAsync(password.AsMemory(), cancellationToken);
    }

    public async Task<string?> ReadAsync(CancellationToken cancellationToken) =>
        path is not null && File.Exists(path) ? (await File.ReadAllTextAsync(path, cancellationToken)).Trim() : null;

    public void Remove()
    {
        if (path is not null)
        {
            File.Delete(path);
        }
    }
}
