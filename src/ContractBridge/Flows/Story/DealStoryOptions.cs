namespace ContractBridge.Flows.Story;

/// <summary>How long a deal's story keeps what the bridge wrote on it (<c>ContractBridge:Story</c>).</summary>
public sealed class DealStoryOptions
{
    public const string Section = "ContractBridge:Story";

    /// <summary>
    /// Writes older than this are deleted. A year by default: longer than the finished jobs (Retention:KeepFor),
    /// because a contract lives for months and its writes are a few short rows each.
    /// </summary>
    public TimeSpan KeepWritesFor { get; set; } = TimeSpan.FromDays(365);
}
