namespace ContractBridge.Configuration;

/// <summary>
/// What happens in Ironclad when a deal with a contract in progress is lost (Closed-Lost), moved back before its rule's
/// trigger stage, or deleted by a person. The deal gets a note saying what was done.
/// </summary>
public sealed class DealLostActions
{
    /// <summary>A comment on the workflow naming the deal, the stage or loss reason, and who did it.</summary>
    public bool Comment { get; set; } = true;

    public DealLostAction Action { get; set; } = DealLostAction.None;
}
