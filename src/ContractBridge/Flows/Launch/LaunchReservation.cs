using ContractBridge.Contracts;

namespace ContractBridge.Flows.Launch;

/// <summary>What reserving a job's lead found: the lead is this job's to launch, or there is nothing to launch.</summary>
public abstract record LaunchReservation
{
    private LaunchReservation()
    {
    }

    /// <summary>
    /// The lead is reserved by this job. <paramref name="SearchFirst"/>: an earlier run (of this job, or of the abandoned
    /// launch it took over) may have reached Ironclad, so look there before launching.
    /// </summary>
    public sealed record Reserved(bool SearchFirst) : LaunchReservation;

    /// <summary>Another launch holds the lead, or its contract is active: the deal gets a note, not a second workflow.</summary>
    public sealed record AlreadyActive(ContractLink Existing) : LaunchReservation;

    /// <summary>This job launched and recorded the contract (and its note) before it was interrupted.</summary>
    public sealed record AlreadyRecorded : LaunchReservation;
}
