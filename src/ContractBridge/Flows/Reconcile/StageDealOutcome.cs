namespace ContractBridge.Flows.Reconcile;

/// <summary>What the Kommo-side reconciler does with a deal it found in a rule's trigger stage.</summary>
public enum StageDealOutcome
{
    /// <summary>No contract, and nothing says to wait: queue a launch.</summary>
    Launch,

    /// <summary>A contract is active or being launched: nothing to do.</summary>
    HasContract,

    /// <summary>Its contract was cancelled and the deal has not entered the stage since: it only still sits there.</summary>
    Cancelled,

    /// <summary>Its launch was refused (the deal has its note) and the deal has not changed since.</summary>
    Refused,
}
