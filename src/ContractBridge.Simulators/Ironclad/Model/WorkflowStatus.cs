namespace ContractBridge.Simulators.Ironclad.Model;

/// <summary>A workflow's <c>status</c>; the wire spells it in lower case.</summary>
public enum WorkflowStatus
{
    Active,
    Paused,
    Cancelled,
    Completed,
}
