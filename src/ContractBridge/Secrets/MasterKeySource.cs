using ContractBridge.Configuration;

namespace ContractBridge.Secrets;

/// <summary>
/// Where the master keys come from: <c>CONTRACTBRIDGE_MASTER_KEY</c> (<c>Secrets:MasterKey</c>) with
/// <c>CONTRACTBRIDGE_MASTER_KEY_PREVIOUS</c>, or <c>Secrets:MasterKeyFile</c>. With neither: on SQLite (one machine) a
/// key file is generated beside the database on first start and read on every later one; on PostgreSQL (a fleet, where
/// every instance must hold the same key, which no instance can generate for the others) the start is refused.
/// </summary>
public static partial class MasterKeySource
{
    public const string EnvironmentVariable = "CONTRACTBRIDGE_MASTER_KEY";
    public const string PreviousEnvironmentVariable = "CONTRACTBRIDGE_MASTER_KEY_PREVIOUS";

    public static string MissingOnPostgres =>
        $"PostgreSQL is shared by several instances, and every one must hold the same master key to read the key ring that protects the stored credentials: set {EnvironmentVariable} to the same value on every instance (base64 of at least {MasterKey.MinimumBytes} random bytes: `openssl rand -base64 32`), or Secrets:MasterKeyFile to a file holding it.";

    /// <summary>What is wrong with the configured keys, without touching the disk beyond reading a configured key file.</summary>
    public static List<string> Problems(BridgeOptions options) => Resolve(options).Problems;

    /// <summary>The ring to use; generates the SQLite key file when nothing is configured. Throws with every problem.</summary>
    public static MasterKeyRing Load(BridgeOptions options, ILogger logger)
    {
        var (ring, problems, previous) = Resolve(options);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("The master key cannot be used: " + string.Join(" ", problems));
        }

        if (ring is not null)
        {
            if (options.Secrets.MasterKeyFile is { Length: > 0 } file && MasterKeyFile.IsOpenToOthers(file))
            {
                Log.KeyFileOpen(logger, file);
            }

            Log.Using(logger, ring.Source, ring.Current.Id, ring.All.Count - 1);
            return ring;
        }

        var path = Path.GetFullPath(Path.Combine(options.DataDirectory, MasterKeyFile.GeneratedName));
        Directory.CreateDirectory(options.DataDirectory);
        if (MasterKeyFile.TryCreate(path))
        {
            Log.Generated(logger, path);
        }

        var (keys, fileProblems) = MasterKeyFile.Read(path);
        if (fileProblems.Count > 0)
        {
            throw new InvalidOperationException("The master key cannot be used: " + string.Join(" ", fileProblems));
        }

        var generated = new MasterKeyRing(keys[0], [.. keys.Skip(1), .. previous], path);
        Log.Using(logger, path, generated.Current.Id, generated.All.Count - 1);
        return generated;
    }

    private static (MasterKeyRing? Ring, List<string> Problems, List<MasterKey> Previous) Resolve(BridgeOptions options)
    {
        var secrets = options.Secrets;
        var problems = new List<string>();
        var previous = new List<MasterKey>();
        foreach (var (text, index) in (secrets.PreviousMasterKeys ?? string.Empty)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select((t, i) => (t, i + 1)))
        {
            if (MasterKey.TryParse(text, $"Key {index} of {PreviousEnvironmentVariable} (Secrets:PreviousMasterKeys)", out var problem) is { } key)
            {
                previous.Add(key);
            }
            else
            {
                problems.Add(problem!);
            }
        }

        var hasKey = !string.IsNullOrWhiteSpace(secrets.MasterKey);
        var hasFile = !string.IsNullOrWhiteSpace(secrets.MasterKeyFile);
        if (hasKey && hasFile)
        {
            problems.Add($"Both {EnvironmentVariable} (Secrets:MasterKey) and Secrets:MasterKeyFile are set: set one (a file holds its previous keys on its later lines).");
            return (null, problems, previous);
        }

        if (hasKey)
        {
            var current = MasterKey.TryParse(secrets.MasterKey!, $"{EnvironmentVariable} (Secrets:MasterKey)", out var problem);
            if (current is null)
            {
                problems.Add(problem!);
            }

            return (problems.Count == 0 ? new MasterKeyRing(current!, previous, EnvironmentVariable) : null, problems, previous);
        }

        if (hasFile)
        {
            var (keys, fileProblems) = MasterKeyFile.Read(secrets.MasterKeyFile!);
            problems.AddRange(fileProblems);
            return (problems.Count == 0 ? new MasterKeyRing(keys[0], [.. keys.Skip(1), .. previous], Path.GetFullPath(secrets.MasterKeyFile!)) : null, problems, previous);
        }

        if (!string.IsNullOrWhiteSpace(options.Postgres))
        {
            problems.Add(MissingOnPostgres);
        }

        // SQLite without a key: the file beside the database (generated by Load), with any previous keys given.
        return (null, problems, previous);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 9750, Level = LogLevel.Warning, Message = "No master key was configured: generated one at {Path} (owner-only). It protects the stored credentials: back it up with the database, and set CONTRACTBRIDGE_MASTER_KEY or Secrets:MasterKeyFile to choose your own")]
        public static partial void Generated(ILogger logger, string path);

        [LoggerMessage(EventId = 9751, Level = LogLevel.Information, Message = "Master key from {Source} (id {KeyId}), {Previous} previous key(s) accepted")]
        public static partial void Using(ILogger logger, string source, string keyId, int previous);

        [LoggerMessage(EventId = 9752, Level = LogLevel.Warning, Message = "The master key file {Path} may be read by others than its owner: chmod 600 it")]
        public static partial void KeyFileOpen(ILogger logger, string path);
    }
}
