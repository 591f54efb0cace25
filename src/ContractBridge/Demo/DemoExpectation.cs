namespace ContractBridge.Demo;

/// <summary>One line of the demo's outcome: what should be true, whether it is, and what was found.</summary>
public sealed record DemoExpectation(string What, bool Met, string Detail);
