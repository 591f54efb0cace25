namespace ContractBridge.Engine.Storage;

/// <summary>The kinds of the jobs one write stored, kept until its transaction commits (or dropped with it).</summary>
internal sealed class StoredJobKinds
{
    private readonly HashSet<string> kinds = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> Kinds => kinds;

    public void Add(string kind) => kinds.Add(kind);

    public void Add(IEnumerable<string> stored) => kinds.UnionWith(stored);
}
