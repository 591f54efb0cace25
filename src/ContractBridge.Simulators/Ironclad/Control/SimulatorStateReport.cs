using ContractBridge.Simulators.Common;
using ContractBridge.Simulators.Ironclad.Model;

namespace ContractBridge.Simulators.Ironclad.Control;

/// <summary>Everything <c>GET /_sim/state</c> reports in one read.</summary>
public sealed record SimulatorStateReport(
    IReadOnlyList<WorkflowTemplate> Templates,
    IReadOnlyList<IroncladUser> Users,
    IReadOnlyList<WorkflowSnapshot> Workflows,
    IReadOnlyList<WebhookSnapshot> Webhooks,
    int PendingWebhooks,
    CallCounts Calls);
