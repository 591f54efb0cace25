namespace ContractBridge.Simulators.Kommo.Model;

/// <summary>A tag of the account's leads. Kommo creates one the first time a lead is given its name.</summary>
internal sealed record KommoTag(long Id, string Name);
