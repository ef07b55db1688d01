namespace Gatehouse.TestHost;

/// <summary>Where the repository is: above the running assembly, the folder that holds Gatehouse.slnx.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Gatehouse.slnx")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("Gatehouse.slnx not found above " + AppContext.BaseDirectory);
    }
}
