using ContractBridge.Simulators.Ironclad.Model;

namespace ContractBridge.Simulators.Ironclad.Control;

/// <summary>Body of <c>POST /_sim/workflows/{id}/advance</c>: no <see cref="To"/> moves one stage, else stage by stage to it.</summary>
public sealed record AdvanceRequest(WorkflowStage? To = null);
