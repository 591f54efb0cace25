namespace ContractBridge.Secrets;

/// <summary>One stored element of the key ring, as the database holds it (protected by the master key).</summary>
public sealed record KeyRingEntry(long Id, string? FriendlyName, string Xml);
