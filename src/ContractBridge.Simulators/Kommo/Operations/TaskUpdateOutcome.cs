using ContractBridge.Simulators.Kommo.Api;

namespace ContractBridge.Simulators.Kommo.Operations;

/// <summary>The result of a (batch) task PATCH: either failures (and nothing changed) or the updated tasks.</summary>
internal sealed record TaskUpdateOutcome(IReadOnlyList<RequestValidationErrors> Failures, IReadOnlyList<UpdatedTask> Updated)
{
    public bool Succeeded => Failures.Count == 0;
}
