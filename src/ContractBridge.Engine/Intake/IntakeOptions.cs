namespace ContractBridge.Engine.Intake;

public sealed class IntakeOptions
{
    /// <summary>
    /// Most events stored in one transaction. The writer takes whatever has queued up while the previous commit ran, up to
    /// this many, so a quiet intake commits one event at once and a busy one shares each fsync among many requests.
    /// </summary>
    public int MaxBatchSize { get; set; } = 512;

    /// <summary>
    /// Transactions the intake keeps in flight at once. One suits SQLite (a single writer: everything that queues during a
    /// commit goes in the next). PostgreSQL can commit several at once and merges them into one WAL flush; measured here
    /// it made no clear difference, so the default stays one for both.
    /// </summary>
    public int MaxConcurrentCommits { get; set; } = 1;
}
