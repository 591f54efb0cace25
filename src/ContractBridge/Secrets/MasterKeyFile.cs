using System.Security.Cryptography;

namespace ContractBridge.Secrets;

/// <summary>
/// A file of master keys, one base64 key a line: the first protects, the others are accepted when reading (a rotation).
/// Lines starting with <c>#</c> and blank lines are ignored.
/// </summary>
public static class MasterKeyFile
{
    /// <summary>The file generated beside the SQLite database when no key is configured.</summary>
    public const string GeneratedName = "contractbridge.masterkey";

    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>The keys of <paramref name="path"/>, first the current one; problems say the line, never its text.</summary>
    public static (List<MasterKey> Keys, List<string> Problems) Read(string path)
    {
        var keys = new List<MasterKey>();
        var problems = new List<string>();
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problems.Add($"Secrets:MasterKeyFile {path} cannot be read: {ex.Message}");
            return (keys, problems);
        }

        foreach (var (line, number) in lines.Select((l, i) => (l.Trim(), i + 1)))
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (MasterKey.TryParse(line, $"Line {number} of the master key file {path}", out var problem) is { } key)
            {
                keys.Add(key);
            }
            else
            {
                problems.Add(problem!);
            }
        }

        if (keys.Count == 0 && problems.Count == 0)
        {
            problems.Add($"The master key file {path} holds no key: write base64 of at least {MasterKey.MinimumBytes} random bytes on its first line (e.g. `openssl rand -base64 32 > {path}`).");
        }

        return (keys, problems);
    }

    /// <summary>True when anyone but the owner may read or write the file (never on Windows, whose ACLs this does not read).</summary>
    public static bool IsOpenToOthers(string path) =>
        !OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & ~(OwnerOnly | UnixFileMode.UserExecute)) != 0;

    /// <summary>
    /// Creates <paramref name="path"/> with a new random key, readable and writable by its owner only from the moment it
    /// exists (0600). False when the file exists already (another process made it first): read that one.
    /// </summary>
    public static bool TryCreate(string path)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnly;
        }

        try
        {
            using var file = new StreamWriter(path, System.Text.Encoding.ASCII, options);
            file.WriteLine("# ContractBridge master key: protects the Data Protection key ring in the database, which protects");
            file.WriteLine("# the stored credentials. Back it up with the database; without it they cannot be read. One key a");
            file.WriteLine("# line: the first protects, later lines are previous keys still accepted (README, Security).");
            file.WriteLine(Convert.ToBase64String(RandomNumberGenerator.GetBytes(MasterKey.MinimumBytes)));
            file.Flush();
            ((FileStream)file.BaseStream).Flush(flushToDisk: true);
            return true;
        }
        catch (IOException) when (File.Exists(path))
        {
            return false;
        }
    }
}
