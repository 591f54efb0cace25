namespace ContractBridge.Contracts;

/// <summary>A link as a paged read found it: with its row id and its key in the order it was read by (null for id order).</summary>
public sealed record SearchedLink(ContractLink Link, long Id, string? Key);
