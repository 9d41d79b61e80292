namespace ChatCouncil.TestSupport;

/// <summary>Finds files of the repository from a test's output folder (artifacts/bin/…).</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    /// <summary>The folder that holds ChatCouncil.sln.</summary>
    public static string Root => RootPath.Value;

    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ChatCouncil.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No ChatCouncil.sln above {AppContext.BaseDirectory}.");
    }
}
