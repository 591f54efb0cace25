namespace ContractBridge.Simulators.Kommo.Model;

/// <summary>One choice of a select field, or one kind of a multitext value (WORK, PRIV, MOB, ...).</summary>
internal sealed record CustomFieldEnum(long Id, string Value, int Sort);
