namespace ContractBridge.Configuration;

/// <summary>
/// The upstream settings that, set to null, leave Kommo and Ironclad unconfigured: a null in a later configuration
/// source outranks an earlier one's value (the environment's KOMMO_*/IRONCLAD_* too), so the service starts "not
/// connected" and takes the connections made at /setup.
/// </summary>
public static class UnconnectedSettings
{
    public static IEnumerable<KeyValuePair<string, string?>> Nulls { get; } =
    [
        new("ContractBridge:Kommo:BaseUrl", null),
        new("ContractBridge:Kommo:AccessToken", null),
        new("ContractBridge:Kommo:WebhookSecret", null),
        new("ContractBridge:Ironclad:BaseUrl", null),
        new("ContractBridge:Ironclad:ApiKey", null),
        new("ContractBridge:Ironclad:CreatorEmail", null),
    ];
}
