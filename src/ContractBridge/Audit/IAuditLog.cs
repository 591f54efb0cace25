namespace ContractBridge.Audit;

/// <summary>
/// What people did through the dashboard (logins, logouts, replays, and later setup changes), in the engine's database
/// so that every instance writes to and shows the same log.
/// </summary>
public interface IAuditLog
{
    /// <summary>Records the action now.</summary>
    Task RecordAsync(AuditActor actor, string action, string detail, CancellationToken cancellationToken);

    /// <summary>The newest <paramref name="limit"/> entries, newest first.</summary>
    Task<IReadOnlyList<AuditEntry>> ListAsync(int limit, CancellationToken cancellationToken);
}
