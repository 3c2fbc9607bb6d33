namespace PasidLedger.Testing;

/// <summary>The repository checkout the tests were built from: the directory holding PasidLedger.sln.</summary>
public static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(Find);

    public static string Path => Root.Value;

    public static string Combine(string relative) => System.IO.Path.Combine(Path, relative);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "PasidLedger.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No PasidLedger.sln above {AppContext.BaseDirectory}.");
    }
}
