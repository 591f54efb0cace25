namespace ContractBridge.Simulators.Kommo.Operations;

/// <summary>A tag a request names: an existing tag by id, or a tag by name (created when the account has none of that name).</summary>
internal sealed record TagReference(long? Id, string? Name);
