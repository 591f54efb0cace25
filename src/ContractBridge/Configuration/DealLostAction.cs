namespace ContractBridge.Configuration;

/// <summary>What a lost, moved-back or deleted deal does to its contract in Ironclad (<see cref="DealLostActions.Action"/>).</summary>
public enum DealLostAction
{
    /// <summary>Nothing but the comment: legal decides.</summary>
    None,

    /// <summary>Pause the workflow (<c>POST /workflows/{id}/pause</c>); Ironclad pauses only workflows in Review.</summary>
    Pause,

    /// <summary>Cancel the workflow (<c>POST /workflows/{id}/cancel</c>).</summary>
    Cancel,
}
