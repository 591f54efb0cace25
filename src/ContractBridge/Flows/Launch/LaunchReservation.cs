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

    /// <summary>
    /// The deal's entry into the stage came before its latest contract was cancelled: a webhook that arrived late (or
    /// again) for the entry that contract answered. Nothing to launch and nothing to say; a new entry launches anew.
    /// </summary>
    public sealed record AnsweredBeforeCancellation(ContractLink Cancelled) : LaunchReservation;

    /// <summary>This job launched and recorded the contract (and its note) before it was interrupted.</summary>
    public sealed record AlreadyRecorded : LaunchReservation;
}
