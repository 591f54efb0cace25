namespace ContractBridge.Kommo.Webhooks;

/// <summary>
/// Which webhook section a lead came in: <c>leads[status]</c>, <c>leads[add]</c>, <c>leads[update]</c> or
/// <c>leads[delete]</c> (which carries only the id, stage and pipeline).
/// </summary>
public enum KommoLeadAction
{
    Status,
    Add,
    Update,
    Delete,
}
