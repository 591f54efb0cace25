namespace ContractBridge.Contracts;

public enum ReservationStatus
{
    /// <summary>The lead is now reserved by this job.</summary>
    Reserved,

    /// <summary>This same job reserved it before (it is running again after a crash or lost answer).</summary>
    ReservedByThisJob,

    /// <summary>Another contract is active for this lead.</summary>
    ActiveContractExists,
}
