namespace ContractBridge.Kommo.Webhooks;

/// <summary>Which webhook section a lead came in: <c>leads[status]</c>, <c>leads[add]</c> or <c>leads[update]</c>.</summary>
public enum KommoLeadAction
{
    Status,
    Add,
    Update,
}
