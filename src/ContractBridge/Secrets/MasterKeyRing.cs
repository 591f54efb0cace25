namespace ContractBridge.Secrets;

/// <summary>The master keys an instance holds: the current one protects, every one (current first) may unprotect.</summary>
public sealed class MasterKeyRing
{
    public MasterKeyRing(MasterKey current, IEnumerable<MasterKey> previous, string source)
    {
        Current = current;
        Source = source;
        All = [current, .. previous.Where(p => p.Id != current.Id).DistinctBy(p => p.Id)];
    }

    public MasterKey Current { get; }

    public IReadOnlyList<MasterKey> All { get; }

    /// <summary>Where the current key came from, for the log and errors ("CONTRACTBRIDGE_MASTER_KEY", a file's path).</summary>
    public string Source { get; }

    public MasterKey? Find(string id) => All.FirstOrDefault(k => k.Id == id);
}
