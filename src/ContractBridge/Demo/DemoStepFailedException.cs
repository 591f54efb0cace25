namespace ContractBridge.Demo;

/// <summary>A step of the story did not happen in time: the demo says which, and exits non-zero.</summary>
public sealed class DemoStepFailedException(string message) : Exception(message);
