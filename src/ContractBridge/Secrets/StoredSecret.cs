namespace ContractBridge.Secrets;

/// <summary>A secret read from the vault, and the stored text it came from (what a compare-and-set expects).</summary>
public sealed record StoredSecret(string Value, string Stored);
