namespace ContractBridge.Flows.Reconcile;

/// <summary>What one Kommo-side pass did.</summary>
/// <param name="Ran">False when another instance holds the pass (nothing was read).</param>
/// <param name="Found">Deals found in a trigger stage.</param>
/// <param name="Queued">Launches stored (a launch already stored for the same deal, unchanged, is not stored twice).</param>
public sealed record DealReconcilePass(bool Ran, int Found, int Queued)
{
    public static readonly DealReconcilePass Skipped = new(false, 0, 0);
}
