namespace ContractBridge.Configuration;

/// <summary>What the bridge knows about a contract and writes into a deal's custom field (see <see cref="WritebackOptions"/>).</summary>
public enum WritebackFact
{
    ContractNumber,
    ContractUrl,
    ContractState,
    SignedDate,
    ExpirationDate,
}
