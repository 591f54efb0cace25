using ContractBridge.Flows.Activity;
using ContractBridge.Ironclad.Api;

namespace ContractBridge.Tests.Flows.Activity;

public sealed class ApprovalRelayTests
{
    private static readonly RelayedContract Contract = new("611f", "IC-3", "https://ironcladapp.com/workflows/611f");

    [Fact]
    public void AnApprovalGiven_IsNotedWithWhoAndHowManyAreIn()
    {
        var approvals = Approvals(("finance", "Finance", "approved", 1), ("legal", "Legal", "pending", 2), ("ceo", "CEO", "pending", 3));

        var (notes, now) = ApprovalRelay.Changes(approvals, Told(("finance", false), ("legal", false), ("ceo", false)), Contract);

        Assert.Equal("Ironclad: Finance (Frank Finance) approved IC-3 — 1 of 3 approvals done.\nhttps://ironcladapp.com/workflows/611f", Assert.Single(notes));
        Assert.True(now["finance"]);
    }

    [Fact]
    public void TheOnlyApproval_IsSaidSo_NotCounted()
    {
        Assert.Equal(
            "Ironclad: Finance (Frank Finance) approved IC-3 — the only approval done.\nhttps://ironcladapp.com/workflows/611f",
            ActivityNotes.Approval("Finance", "Frank Finance", approved: true, "IC-3", done: 1, total: 1, "https://ironcladapp.com/workflows/611f"));
    }

    [Fact]
    public void SeveralChangesInOneRead_AreNotedInIroncladsOrder_CountingUp()
    {
        var approvals = Approvals(("legal", "Legal", "approved", 2), ("finance", "Finance", "approved", 1));

        var (notes, _) = ApprovalRelay.Changes(approvals, Told(), Contract);

        Assert.Collection(
            notes,
            n => Assert.StartsWith("Ironclad: Finance (Frank Finance) approved IC-3 — 1 of 2 approvals done.", n, StringComparison.Ordinal),
            n => Assert.StartsWith("Ironclad: Legal (Frank Finance) approved IC-3 — all 2 approvals done.", n, StringComparison.Ordinal));
    }

    [Fact]
    public void NothingChanged_OrAnApprovalJustTriggered_SaysNothing_ButATakenBackApprovalIsNoted()
    {
        var approvals = Approvals(("finance", "Finance", "pending", 1), ("legal", "Legal", "pending", 1));

        var unchanged = ApprovalRelay.Changes(approvals, Told(("finance", false)), Contract).Notes;
        var takenBack = ApprovalRelay.Changes(approvals, Told(("finance", true), ("legal", false)), Contract).Notes;

        Assert.Empty(unchanged);
        Assert.StartsWith("Ironclad: Finance (Frank Finance) took back the approval of IC-3 — 0 of 2 approvals done.", Assert.Single(takenBack), StringComparison.Ordinal);
    }

    private static Dictionary<string, bool> Told(params (string Role, bool Approved)[] told) => told.ToDictionary(t => t.Role, t => t.Approved);

    private static IroncladApprovals Approvals(params (string Role, string Name, string Status, int Order)[] reviewers) => new(
        [.. reviewers.Select(r => new IroncladApprovalGroup([new IroncladApprovalReviewer(r.Role, r.Name, "role", r.Status)], r.Status, r.Order))],
        [.. reviewers.Select(r => new IroncladRole(r.Role, r.Name, [new IroncladRoleAssignee("Frank Finance", "u-9", "frank@acme.example")]))]);
}
