namespace ContractBridge.Kommo.Webhooks;

/// <summary>
/// The entities besides leads whose webhooks the bridge reads. Kommo sends a company's as
/// <c>contacts[update][i][…]</c> with <c>[type]=company</c>; <c>companies[update]</c> is read too.
/// </summary>
public enum KommoEntityType
{
    Contact,
    Company,
}
