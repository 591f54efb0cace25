using ContractBridge.Kommo.Api;

namespace ContractBridge.Flows.Mapping;

/// <summary>What the bridge knows about a deal when it launches its contract: the lead, its main contact and company, the account.</summary>
public sealed record DealSnapshot(KommoLead Lead, KommoContact? Contact, KommoCompany? Company, KommoAccount Account);
