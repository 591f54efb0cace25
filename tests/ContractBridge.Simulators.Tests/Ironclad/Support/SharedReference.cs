namespace ContractBridge.Simulators.Tests.Ironclad.Support;

/// <summary>
/// Finds the project's shared reference files (<c>shared/reference/</c>), which sit beside the repository (CI copies
/// them there; worktrees find them further up).
/// </summary>
public static class SharedReference
{
    public static string Path(string fileName)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = System.IO.Path.Combine(directory.FullName, "shared", "reference", fileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"shared/reference/{fileName} was not found above {AppContext.BaseDirectory}");
    }
}
