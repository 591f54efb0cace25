namespace ContractBridge.Flows.DealLoss;

public enum DealLossKind
{
    /// <summary>Moved to Closed-Lost (143).</summary>
    Lost,

    /// <summary>Moved to a stage of its rule's pipeline that comes before the trigger stage.</summary>
    MovedBack,

    Deleted,
}
