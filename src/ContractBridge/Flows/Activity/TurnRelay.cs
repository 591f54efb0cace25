using System.Globalization;
using ContractBridge.Flows.Jobs;
using ContractBridge.Ironclad;
using ContractBridge.Ironclad.Api;

namespace ContractBridge.Flows.Activity;

/// <summary>
/// Turns as notes: reads the workflow's turn history (one read, page by page) and notes each turn after the last one
/// told that passes the contract to the counterparty or brings it back; turns that stay on one side say nothing. A
/// workflow starts on the company's side. The state is the last turn told and its side ("3:internal").
/// </summary>
public sealed class TurnRelay(IroncladClient ironclad) : IActivityRelay
{
    /// <summary>At most 500 turns are read (100 to a page).</summary>
    private const int PagesRead = 5;

    public ActivityFeed Feed => ActivityFeed.Turns;

    public async Task<ActivityRelayed> RelayAsync(RelayedContract contract, string? state, CancellationToken cancellationToken)
    {
        var turns = await ironclad.ListTurnHistoryAsync(contract.WorkflowId, PagesRead, cancellationToken);
        var (notes, last, withCounterparty) = Changes(turns, Read(state), contract);
        return new ActivityRelayed(notes, string.Create(CultureInfo.InvariantCulture, $"{last}:{(withCounterparty ? "counterparty" : IroncladTurn.InternalParty)}"));
    }

    /// <summary>The notes for the turns after <paramref name="told"/>, the last turn number and whether it is with the counterparty.</summary>
    public static (IReadOnlyList<string> Notes, int Last, bool WithCounterparty) Changes(IReadOnlyList<IroncladTurn> turns, (int Last, bool WithCounterparty) told, RelayedContract contract)
    {
        var notes = new List<string>();
        var (last, withCounterparty) = told;
        foreach (var turn in turns.Where(t => t.TurnNumber > told.Last).OrderBy(t => t.TurnNumber))
        {
            if (turn.IsCounterparty != withCounterparty)
            {
                notes.Add(ActivityNotes.Turn(turn.IsCounterparty, contract.Name, turn.TurnNumber, turn.TurnUserEmail, contract.Link));
            }

            (last, withCounterparty) = (turn.TurnNumber, turn.IsCounterparty);
        }

        return (notes, last, withCounterparty);
    }

    private static (int Last, bool WithCounterparty) Read(string? state)
    {
        var parts = state?.Split(':', 2);
        return parts is [var number, var party] && int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var last)
            ? (last, party != IroncladTurn.InternalParty)
            : (0, false);
    }
}
