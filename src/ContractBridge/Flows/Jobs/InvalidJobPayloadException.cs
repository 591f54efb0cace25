namespace ContractBridge.Flows.Jobs;

public sealed class InvalidJobPayloadException(string message) : Exception(message);
