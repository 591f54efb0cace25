namespace ContractBridge.Engine.Jobs;

/// <summary>
/// Thrown by a handler to fail the jobs it has not reported for good (they go to dead letters at once) when retrying
/// cannot help: bad configuration, a payload that can never be processed. Any other exception is taken as transient.
/// </summary>
public sealed class PermanentJobException(string message, Exception? innerException = null) : Exception(message, innerException);
