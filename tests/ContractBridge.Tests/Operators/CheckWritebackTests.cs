using ContractBridge.Tests.Integration.Support;
using ContractBridge.Tests.Operators.Support;

namespace ContractBridge.Tests.Operators;

/// <summary>`check` against the Kommo simulator's lead custom fields for the Writeback settings.</summary>
public sealed class CheckWritebackTests
{
    [Fact]
    public async Task ConfiguredFields_PassWithTheirTypes_AndAStateWithoutAnOptionIsAWarningListingTheOptions()
    {
        await using var bridge = await BridgeHarness.StartAsync();
        var fields = WritebackAccount.Seed(bridge.Kommo);

        var result = await CliRun.RunAsync(OperatorSettings.From(bridge, [.. WritebackAccount.Settings().Select(s => (s.Key, s.Value))]), "check");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"Writeback:ContractNumber 'contract_no'", result.Output, StringComparison.Ordinal);
        Assert.Contains($"'Contract no.' ({fields.Number.Id}, text)", result.Output, StringComparison.Ordinal);
        Assert.Contains($"'Signed on' ({fields.Signed.Id}, date_time)", result.Output, StringComparison.Ordinal);
        var warning = Assert.Single(result.Output.Split('\n'), l => l.StartsWith("warn", StringComparison.Ordinal) && l.Contains("Writeback:ContractState", StringComparison.Ordinal));
        Assert.Contains("options: 'Created', 'In review', 'Out for signature', 'Signed', 'Cancelled'", warning, StringComparison.Ordinal);
        Assert.Contains("no option for Draft → 'Draft'", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMissingFieldOrOneOfAnIncompatibleType_Fails_SayingWhatToUse()
    {
        await using var bridge = await BridgeHarness.StartAsync();
        WritebackAccount.Seed(bridge.Kommo);

        var result = await CliRun.RunAsync(
            OperatorSettings.From(bridge, ("ContractBridge:Writeback:ContractUrl", "CONTRACT_SIGNED"), ("ContractBridge:Writeback:ExpirationDate", "NO_SUCH_FIELD")),
            "check");

        Assert.True(result.ExitCode == 1, result.ToString());
        var lines = result.Output.Split('\n');
        Assert.Contains(lines, l => l.StartsWith("FAIL", StringComparison.Ordinal) && l.Contains("Writeback:ContractUrl", StringComparison.Ordinal) && l.Contains("a date_time field cannot hold it; use a url, text, textarea field", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("FAIL", StringComparison.Ordinal) && l.Contains("Writeback:ExpirationDate 'NO_SUCH_FIELD'", StringComparison.Ordinal) && l.Contains("no lead custom field with this id or code", StringComparison.Ordinal));
    }
}
