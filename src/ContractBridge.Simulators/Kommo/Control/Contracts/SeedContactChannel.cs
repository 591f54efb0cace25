namespace ContractBridge.Simulators.Kommo.Control.Contracts;

/// <summary>One email or phone of a contact, with its kind: WORK, PRIV, OTHER for emails; WORK, WORKDD, MOB, FAX, HOME, OTHER for phones.</summary>
public sealed record SeedContactChannel(string Value, string EnumCode = "WORK");
