namespace ContractBridge.Chaos.Checks;

/// <summary>
/// Looks for secrets in text the bridge produced (log files, HTTP answers). A hit names the secret and where it was
/// found, never the value itself, so the report does not leak what it found.
/// </summary>
public sealed class SecretScanner(IEnumerable<(string Name, string Value)> secrets)
{
    /// <summary>Secrets shorter than this are skipped: they would match by chance (and the bridge refuses them anyway).</summary>
    private const int ShortestScanned = 8;

    private readonly IReadOnlyList<(string Name, string Value)> _secrets = [.. secrets.Where(s => s.Value.Length >= ShortestScanned).DistinctBy(s => s.Value)];

    public int SecretCount => _secrets.Count;

    public long Scanned { get; private set; }

    /// <summary>Every (secret, place) hit in <paramref name="text"/>; an escaped or URL-encoded form counts too.</summary>
    public IReadOnlyList<string> Scan(string text, string where)
    {
        Scanned += text.Length;
        var hits = new List<string>();
        foreach (var (name, value) in _secrets)
        {
            if (text.Contains(value, StringComparison.Ordinal) || text.Contains(Uri.EscapeDataString(value), StringComparison.Ordinal))
            {
                hits.Add($"secret {name} appears in {where}");
            }
        }

        return hits;
    }

    public async Task<IReadOnlyList<string>> ScanFileAsync(string path, CancellationToken cancellationToken)
    {
        var hits = new List<string>();
        var number = 0;
        using var reader = new StreamReader(path);
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            number++;
            hits.AddRange(Scan(line, $"{Path.GetFileName(path)} line {number}"));
        }

        return hits;
    }
}
