namespace PasidLedger.Ops.Tests;

/// <summary>The repository checkout these tests were built from.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

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
