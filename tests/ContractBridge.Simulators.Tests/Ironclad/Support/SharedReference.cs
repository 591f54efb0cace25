namespace ContractBridge.Simulators.Tests.Ironclad.Support;

/// <summary>
/// Finds a reference file: the copy kept with these tests (Ironclad/Spec, copied next to the test assembly), so a clone
/// anywhere has it, else the project's shared reference folder above the repository (<c>shared/reference/</c>).
/// </summary>
public static class SharedReference
{
    public static string Path(string fileName)
    {
        var kept = System.IO.Path.Combine(AppContext.BaseDirectory, "Ironclad", "Spec", fileName);
        if (File.Exists(kept))
        {
            return kept;
        }

        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = System.IO.Path.Combine(directory.FullName, "shared", "reference", fileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"{fileName} is neither in Ironclad/Spec next to the tests nor in shared/reference above {AppContext.BaseDirectory}");
    }
}
