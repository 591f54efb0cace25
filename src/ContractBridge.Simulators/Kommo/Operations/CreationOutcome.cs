using ContractBridge.Simulators.Kommo.Api;

namespace ContractBridge.Simulators.Kommo.Operations;

/// <summary>The result of a batch POST: failures (and nothing created) or the created items.</summary>
internal sealed record CreationOutcome(IReadOnlyList<RequestValidationErrors> Failures, IReadOnlyList<CreatedItem> Created)
{
    public bool Succeeded => Failures.Count == 0;
}
