using ContractBridge.Simulators.Kommo.Api;
using ContractBridge.Simulators.Kommo.Webhooks;

namespace ContractBridge.Simulators.Kommo.Operations;

/// <summary>The result of a (batch) lead PATCH: either failures (and nothing changed) or the updated leads and their events.</summary>
internal sealed record LeadUpdateOutcome(
    IReadOnlyList<RequestValidationErrors> Failures,
    IReadOnlyList<UpdatedLead> Updated,
    IReadOnlyList<LeadEvent> Events)
{
    public bool Succeeded => Failures.Count == 0;
}
