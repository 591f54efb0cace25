using ContractBridge.Simulators.Kommo.Control.Contracts;

namespace ContractBridge.Demo;

/// <summary>
/// The deal fields a sales-ops admin adds so reps can filter and automate on the contract (issue 14's writeback): its
/// number, link, status (a select whose options are the labels the demo's Writeback:StateLabels give), signed and
/// expiry dates. Named by code in the bridge's settings, as an admin would copy them from Kommo's field settings.
/// </summary>
public static class DemoContractFields
{
    public const string Number = "IRONCLAD_CONTRACT";
    public const string Link = "IRONCLAD_LINK";
    public const string Status = "CONTRACT_STATUS";
    public const string SignedOn = "CONTRACT_SIGNED_ON";
    public const string ExpiresOn = "CONTRACT_EXPIRES_ON";
    public const string SignedLabel = "Signed";
    public const string SignedTag = "contract-signed";

    /// <summary>Contract state → the status field's option, as Writeback:StateLabels:&lt;state&gt;.</summary>
    public static IReadOnlyDictionary<string, string> StateLabels { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Created"] = "Launched",
        ["Review"] = "In review",
        ["Signature"] = "Out for signature",
        ["Executed"] = SignedLabel,
        ["Cancelled"] = "Cancelled",
    };

    public static IReadOnlyList<SeedCustomField> All { get; } =
    [
        new() { Name = "Ironclad contract", Type = "text", Code = Number },
        new() { Name = "Contract link", Type = "url", Code = Link },
        new() { Name = "Contract status", Type = "select", Code = Status, Enums = [.. StateLabels.Values] },
        new() { Name = "Contract signed on", Type = "date", Code = SignedOn },
        new() { Name = "Contract expires on", Type = "date", Code = ExpiresOn },
    ];

    /// <summary>The bridge's Writeback settings for these fields.</summary>
    public static IEnumerable<KeyValuePair<string, string?>> Settings() =>
    [
        new("ContractBridge:Writeback:ContractNumber", Number),
        new("ContractBridge:Writeback:ContractUrl", Link),
        new("ContractBridge:Writeback:ContractState", Status),
        new("ContractBridge:Writeback:SignedDate", SignedOn),
        new("ContractBridge:Writeback:ExpirationDate", ExpiresOn),
        new("ContractBridge:Writeback:Tags:Executed", SignedTag),
        .. StateLabels.Select(l => new KeyValuePair<string, string?>($"ContractBridge:Writeback:StateLabels:{l.Key}", l.Value)),
    ];
}
