using ContractBridge.Simulators.Ironclad.Model;
using ContractBridge.Simulators.Kommo.Control.Contracts;

namespace ContractBridge.Tests.Integration.Support;

/// <summary>The common moves of a contract's life, as a test drives them through the simulators.</summary>
internal static class LifecycleSteps
{
    /// <summary>Moves the deal to Send contract and waits until its workflow is launched and recorded.</summary>
    public static async Task<WorkflowSnapshot> LaunchAsync(BridgeHarness bridge, long lead)
    {
        bridge.Account.MoveToSendContract(lead);
        await Eventually.TrueAsync(async () => (await bridge.Contracts.FindActiveByLeadAsync(lead, CancellationToken.None))?.WorkflowId is not null, $"lead {lead}'s launch", explain: bridge.Explain);
        var link = await bridge.Contracts.FindActiveByLeadAsync(lead, CancellationToken.None);
        return bridge.Ironclad.Control.Workflow(link!.WorkflowId!)!;
    }

    public static IReadOnlyList<NoteView> Notes(BridgeHarness bridge, long lead) => bridge.Kommo.Control.GetLead(lead)!.Notes;

    public static Task<NoteView> NoteContainingAsync(BridgeHarness bridge, long lead, string text) =>
        Eventually.GetAsync(() => Notes(bridge, lead).FirstOrDefault(n => n.Text?.Contains(text, StringComparison.Ordinal) == true), $"a note on lead {lead} containing '{text}'", explain: bridge.Explain);

    /// <summary>
    /// Kommo stamps webhooks to the second: the same move twice within one second is the same body, which the bridge
    /// rightly takes for a redelivery. Tests that make a person repeat a move wait for the next second first.
    /// </summary>
    public static Task NextSecondAsync()
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        return Eventually.TrueAsync(() => DateTimeOffset.UtcNow.ToUnixTimeSeconds() > now, "the next second");
    }
}
