namespace EthCx.Testing;

/// <summary>Locates the repository and its tools from a test's output folder.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> Root = new(FindRoot);

    /// <summary>The repository root: the folder that holds EthCx.sln.</summary>
    public static string RepositoryRoot => Root.Value;

    /// <summary>A path under the repository root.</summary>
    /// <param name="parts">Path segments below the root.</param>
    /// <returns>The combined full path.</returns>
    public static string Combine(params string[] parts) => Path.Combine([RepositoryRoot, .. parts]);

    /// <summary>An executable installed by npm into node_modules/.bin.</summary>
    /// <param name="name">The tool's name, e.g. <c>cast</c>.</param>
    /// <returns>The full path.</returns>
    public static string NodeBin(string name) => Combine("node_modules", ".bin", name);

    private static string FindRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EthCx.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No EthCx.sln above {AppContext.BaseDirectory}.");
    }
}
