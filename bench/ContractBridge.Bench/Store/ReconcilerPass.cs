namespace ContractBridge.Bench.Store;

/// <summary>
/// One timed pass of the Ironclad reconciler on the big store: how many workflows Ironclad lists as changed within the
/// pass's window, the list pages it read for them, every upstream call in the pass's interval (the webhooks of the
/// changed workflows bring their own syncs), and the service's CPU over the interval.
/// </summary>
internal sealed record ReconcilerPass(
    long ContractsExisting, long OpenContracts, int WorkflowsChanged, int SyncsQueued, long ListCalls, long IroncladCalls, long KommoCalls, double ServiceCpuSeconds);
