using ContractBridge.Flows.Activity;
using ContractBridge.Ironclad.Api;

namespace ContractBridge.Tests.Flows.Activity;

public sealed class TurnRelayTests
{
    private static readonly RelayedContract Contract = new("611f", "IC-3", "https://ironcladapp.com/workflows/611f");

    [Fact]
    public void TheTurnPassingToTheCounterpartyAndBack_IsNotedEachWay_AndTheFirstTurnIsNot()
    {
        var turns = new[] { Turn(1, "internal", "lena@acme.example"), Turn(2, "counterparty", "carl@globex.example"), Turn(3, "internal", "lena@acme.example") };

        var (notes, last, withCounterparty) = TurnRelay.Changes(turns, (0, false), Contract);

        Assert.Collection(
            notes,
            n => Assert.Equal("Ironclad: IC-3 is now with the counterparty (turn 2, carl@globex.example).\nhttps://ironcladapp.com/workflows/611f", n),
            n => Assert.StartsWith("Ironclad: IC-3 is back with us from the counterparty (turn 3, lena@acme.example).", n, StringComparison.Ordinal));
        Assert.Equal((3, false), (last, withCounterparty));
    }

    [Fact]
    public void TurnsAlreadyTold_OrStayingOnOneSide_SayNothing()
    {
        var turns = new[] { Turn(1, "internal", null), Turn(2, "counterparty", null), Turn(3, "counterparty", null) };

        var (notes, last, withCounterparty) = TurnRelay.Changes(turns, (2, true), Contract);

        Assert.Empty(notes);
        Assert.Equal((3, true), (last, withCounterparty));
    }

    private static IroncladTurn Turn(int number, string party, string? email) => new(party, number, DateTimeOffset.UnixEpoch, null, email);
}
