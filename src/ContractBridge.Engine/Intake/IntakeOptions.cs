namespace ContractBridge.Engine.Intake;

public sealed class IntakeOptions
{
    /// <summary>
    /// Most events stored in one transaction. The writer takes whatever has queued up while the previous commit ran, up to
    /// this many, so a quiet intake commits one event at once and a busy one shares each fsync among many requests.
    /// </summary>
    public int MaxBatchSize { get; set; } = 512;
}
