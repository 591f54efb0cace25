namespace ContractBridge.Contracts;

/// <summary>The latest refused launch of each deal (<see cref="LaunchRefusal"/>), in the engine's database.</summary>
public interface ILaunchRefusalStore
{
    /// <summary>Records the refusal, replacing the deal's earlier one.</summary>
    Task RecordAsync(LaunchRefusal refusal, CancellationToken cancellationToken);

    /// <summary>The refusals of these leads; leads never refused are absent.</summary>
    Task<IReadOnlyDictionary<long, LaunchRefusal>> FindAsync(IReadOnlyCollection<long> leadIds, CancellationToken cancellationToken);
}
