using ContractBridge.Simulators.Kommo;
using ContractBridge.Simulators.Kommo.Control.Contracts;

namespace ContractBridge.Tests.Integration.Support;

/// <summary>
/// The lead custom fields a writeback test writes to, one of each kind the bridge handles, and the settings that name
/// them by code (any case). The bridge reads the definitions at its first writeback, so they are added once it runs.
/// </summary>
internal sealed record WritebackAccount(SeededCustomField Number, SeededCustomField Link, SeededCustomField State, SeededCustomField Signed)
{
    public const string NumberCode = "CONTRACT_NO";
    public const string StateCode = "CONTRACT_STATE";

    public static WritebackAccount Seed(KommoSimulator kommo) => new(
        kommo.Control.AddCustomField(new SeedCustomField { Name = "Contract no.", Type = "text", Code = NumberCode }),
        kommo.Control.AddCustomField(new SeedCustomField { Name = "Contract", Type = "url", Code = "CONTRACT_URL" }),
        kommo.Control.AddCustomField(new SeedCustomField { Name = "Contract state", Type = "select", Code = StateCode, Enums = ["Created", "In review", "Out for signature", "Signed", "Cancelled"] }),
        kommo.Control.AddCustomField(new SeedCustomField { Name = "Signed on", Type = "date_time", Code = "CONTRACT_SIGNED" }));

    public static Dictionary<string, string?> Settings() => new()
    {
        ["ContractBridge:Writeback:ContractNumber"] = NumberCode.ToLowerInvariant(),
        ["ContractBridge:Writeback:ContractUrl"] = "CONTRACT_URL",
        ["ContractBridge:Writeback:ContractState"] = StateCode,
        ["ContractBridge:Writeback:SignedDate"] = "CONTRACT_SIGNED",
        ["ContractBridge:Writeback:StateLabels:Review"] = "In review",
        ["ContractBridge:Writeback:StateLabels:Signature"] = "Out for signature",
        ["ContractBridge:Writeback:StateLabels:Executed"] = "Signed",
        ["ContractBridge:Writeback:Tags:Signature"] = "contract-out",
        ["ContractBridge:Writeback:Tags:Executed"] = "contract-signed, won",
    };
}
