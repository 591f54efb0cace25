namespace ContractBridge.Simulators.Kommo.Control.Contracts;

/// <summary>An admin deleting a custom field: the field and every entity's values of it are gone.</summary>
public sealed record DeleteCustomField(long FieldId);
