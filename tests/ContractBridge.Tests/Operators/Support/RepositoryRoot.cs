namespace ContractBridge.Tests.Operators.Support;

/// <summary>The repository's root: the first directory above the test's binaries that holds ContractBridge.slnx.</summary>
internal static class RepositoryRoot
{
    public const string SolutionFile = "ContractBridge.slnx";

    public static string Path { get; } = Find();

    public static string File(string relativePath) => System.IO.Path.Combine(Path, relativePath);

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (System.IO.File.Exists(System.IO.Path.Combine(directory.FullName, SolutionFile)))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No directory above {AppContext.BaseDirectory} holds {SolutionFile}.");
    }
}
