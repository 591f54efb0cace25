namespace ContractBridge.Simulators.Ironclad.Lifecycle;

/// <summary>
/// Real-world delays (scaled) after which a workflow moves on by itself; a null delay stops it at that stage.
/// A paused workflow waits; resuming restarts the delay of the stage it is in.
/// </summary>
public sealed record AutoAdvanceSchedule
{
    public TimeSpan? ReviewToSign { get; init; } = TimeSpan.FromMinutes(5);

    public TimeSpan? SignToSigned { get; init; } = TimeSpan.FromMinutes(10);

    public TimeSpan? SignedToArchive { get; init; } = TimeSpan.FromMinutes(1);

    public TimeSpan? ArchiveToComplete { get; init; } = TimeSpan.FromMinutes(1);

    public TimeSpan? DelayAfter(Model.WorkflowStage stage) => stage switch
    {
        Model.WorkflowStage.Review => ReviewToSign,
        Model.WorkflowStage.Sign => SignToSigned,
        Model.WorkflowStage.Signed => SignedToArchive,
        Model.WorkflowStage.Archive => ArchiveToComplete,
        _ => null,
    };
}
