namespace ContractBridge.Flows.Nudge;

/// <summary>What one nudge pass did: whether it ran here (it holds the lease), how many signatures were due a nudge, how many were newly queued.</summary>
public sealed record SignatureNudgePass(bool Ran, int Due, int Queued)
{
    public static readonly SignatureNudgePass Skipped = new(false, 0, 0);
}
