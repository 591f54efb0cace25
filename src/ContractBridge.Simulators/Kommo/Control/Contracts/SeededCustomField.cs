namespace ContractBridge.Simulators.Kommo.Control.Contracts;

/// <summary>A created custom field: its id and the id of each choice, by choice text.</summary>
public sealed record SeededCustomField(long Id, string Name, IReadOnlyDictionary<string, long> EnumIds);
