namespace ContractBridge.Kommo.Api;

/// <summary>A tag named in a lead PATCH's <c>tags_to_add</c> or <c>tags_to_delete</c>; Kommo creates a tag of a new name.</summary>
public sealed record KommoTagName(string Name);
