namespace ContractBridge.Simulators.Kommo.Control.Contracts;

/// <summary>The ids of the sample account, so the demo and benchmarks can find "Sales" / "Send contract" without searching.</summary>
public sealed record SampleAccountIds(
    SeededPipeline Sales,
    SeededPipeline Renewals,
    IReadOnlyList<long> UserIds,
    IReadOnlyList<long> CompanyIds,
    IReadOnlyList<long> ContactIds,
    long ContactWithoutEmailId,
    IReadOnlyList<long> LeadIds,
    IReadOnlyDictionary<string, long> LeadFieldIds);
