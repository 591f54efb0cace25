using ContractBridge.Simulators.Ironclad.Control;
using ContractBridge.Simulators.Ironclad.Model;
using ContractBridge.Simulators.Kommo.Control.Contracts;

namespace ContractBridge.Demo;

/// <summary>
/// The story: two reps move four deals to "Send contract" (one deal's contact has no email); while legal reviews the
/// three contracts that launched, a rep raises one deal's value (the workflow follows), legal asks a question on one
/// (the rep reads it on the deal), adds an exhibit to it and finance approves it (the deal hears of that too); legal
/// sends them for signature; two are signed and archived (the Globex deal gets both signed files, and each signed deal
/// its contract's number, link, status and dates in its own fields), and the third customer pulls out: its rep marks
/// the deal lost, which the bridge says in Ironclad and, as the sales rule asks, cancels the workflow. Each act waits
/// until its effect is visible in Kommo or Ironclad before the next begins, as people would.
/// </summary>
public sealed class DemoStory(DemoEnvironment demo, DemoTimeline timeline, DemoSettings settings)
{
    private const long ClosedWon = 142;
    private const long ClosedLost = 143;

    /// <summary>Legal's question on the Globex licence, which reaches the deal as a note.</summary>
    public const string LegalQuestion = "Can we cap liability at twelve months of fees?";

    /// <summary>The exhibit legal adds to the Globex licence: signed with it, and attached to the deal beside it.</summary>
    public const string Exhibit = "Exhibit A - Service Levels.pdf";

    /// <summary>The Initech renewal's new value (from 30,000) after John's call with the customer.</summary>
    public const long RaisedPrice = 36000;

    /// <summary>Sales ops' dry runs before the first move: one deal ready, one whose contact has no email.</summary>
    public IReadOnlyList<DemoDryRun> DryRuns { get; private set; } = [];

    public async Task PlayAsync(CancellationToken cancellationToken)
    {
        var cast = demo.Cast;
        var kommo = demo.Kommo.Control;
        var ironclad = demo.Ironclad.Control;

        timeline.Line("ops", $"Sales ops dry-runs the sales rule on {cast.GlobexLicense} and {cast.GlobexSupport} before anyone moves them (GET /api/preview)");
        DryRuns =
        [
            await DemoDryRun.RunAsync(demo, cast.GlobexLicense, DemoEnvironment.SalesRule, cancellationToken),
            await DemoDryRun.RunAsync(demo, cast.GlobexSupport, DemoEnvironment.SalesRule, cancellationToken),
        ];
        foreach (var dryRun in DryRuns)
        {
            timeline.Line("bridge", dryRun.Report.WouldLaunch
                ? $"dry run of {dryRun.Deal}: would launch {dryRun.Report.TemplateName} with {dryRun.AttributesGist()}; nothing launched"
                : $"dry run of {dryRun.Deal}: would not launch: {string.Join("; ", dryRun.Report.Problems)}");
        }

        timeline.Line("rep", $"Maria Lopez drags {cast.GlobexLicense}, {cast.GlobexSupport} and {cast.UmbrellaPilot} to Sales › Send contract");
        kommo.MoveLeads(new MoveLeads { LeadIds = [cast.GlobexLicense.LeadId, cast.GlobexSupport.LeadId, cast.UmbrellaPilot.LeadId], StatusId = cast.SalesSendContract, ByUserId = cast.Maria });
        timeline.Line("rep", $"John Carter drags {cast.InitechRenewal} to Renewals › Send contract");
        kommo.MoveLeads(new MoveLeads { LeadIds = [cast.InitechRenewal.LeadId], StatusId = cast.RenewalsSendContract, ByUserId = cast.John });

        var globex = await LaunchedAsync(cast.GlobexLicense, cancellationToken);
        var umbrella = await LaunchedAsync(cast.UmbrellaPilot, cancellationToken);
        var initech = await LaunchedAsync(cast.InitechRenewal, cancellationToken);
        await UntilAsync(() => HasNote(cast.GlobexSupport, "could not be launched"), $"the note explaining why {cast.GlobexSupport} has no contract", cancellationToken);

        timeline.Line("rep", $"John Carter raises {cast.InitechRenewal} to {RaisedPrice:N0} while legal reviews {Number(initech)}");
        kommo.EditLead(new EditLead { LeadId = cast.InitechRenewal.LeadId, Price = RaisedPrice, ByUserId = cast.John });
        await UntilAsync(() => DemoExpectations.ContractValue(demo, initech) == RaisedPrice, $"{Number(initech)} to hold the raised value", cancellationToken);

        timeline.Line("legal", $"Lena Legal asks on {Number(globex)}: \"{LegalQuestion}\"");
        ironclad.PostComment(globex, new ControlCommentRequest(LegalQuestion, AuthorEmail: DemoCast.LegalEmail));
        await UntilAsync(() => HasNote(cast.GlobexLicense, $"Lena Legal on {Number(globex)}"), $"legal's question on {cast.GlobexLicense}", cancellationToken);
        timeline.Line("legal", $"Lena Legal adds {Exhibit} to {Number(globex)}'s signature packet and asks finance to approve it");
        ironclad.AddDocument(globex, Exhibit);
        ironclad.RequestApproval(globex, new ControlApprovalRequest("finance", "Finance", DemoCast.FinanceApprover.Email));
        timeline.Line("finance", $"Frank Finance approves {Number(globex)}");
        ironclad.SetApproval(globex, "finance", new ControlApprovalStatus("approved"));
        await UntilAsync(() => HasNote(cast.GlobexLicense, $"approved {Number(globex)}"), $"finance's approval on {cast.GlobexLicense}", cancellationToken);

        foreach (var (deal, workflow) in new[] { (cast.GlobexLicense, globex), (cast.UmbrellaPilot, umbrella), (cast.InitechRenewal, initech) })
        {
            timeline.Line("legal", $"Lena Legal reviews {Number(workflow)} for {deal} and sends it for signature");
            ironclad.AdvanceTo(workflow, WorkflowStage.Sign);
        }

        foreach (var deal in new[] { cast.GlobexLicense, cast.UmbrellaPilot, cast.InitechRenewal })
        {
            await UntilAsync(() => HasNote(deal, "was sent for signature") && Lead(deal).Tasks.Count > 0, $"the signature note and task on {deal}", cancellationToken);
        }

        timeline.Line("signer", $"Dana Scully (Globex) signs {Number(globex)}; Ironclad archives it");
        ironclad.AdvanceTo(globex, WorkflowStage.Archive);
        timeline.Line("rep", $"Umbrella Health pulls out of the pilot: Maria Lopez marks {cast.UmbrellaPilot} lost");
        kommo.MoveLeads(new MoveLeads { LeadIds = [cast.UmbrellaPilot.LeadId], StatusId = ClosedLost, ByUserId = cast.Maria });
        timeline.Line("signer", $"Peter Gibbons (Initech) signs {Number(initech)}; Ironclad archives it");
        ironclad.AdvanceTo(initech, WorkflowStage.Archive);

        foreach (var deal in new[] { cast.GlobexLicense, cast.InitechRenewal })
        {
            var files = deal == cast.GlobexLicense ? 2 : 1;
            await UntilAsync(() => Lead(deal) is { StatusId: ClosedWon } lead && lead.Attachments.Count >= files && HasNote(deal, "signed (executed)"), $"{deal} to close with its {files} signed file(s)", cancellationToken);
            await UntilAsync(() => DemoExpectations.Field(Lead(deal), DemoContractFields.Status) == DemoContractFields.SignedLabel, $"{deal}'s contract status field to say it is signed", cancellationToken);
        }

        await UntilAsync(
            () => HasNote(cast.UmbrellaPilot, "was cancelled") && ironclad.Workflow(umbrella)?.Status == "cancelled" && (ironclad.Comments(umbrella)?.Count ?? 0) > 0,
            $"{Number(umbrella)} to be cancelled with a comment saying the deal was lost, and the note on {cast.UmbrellaPilot}",
            cancellationToken);
    }

    private async Task<string> LaunchedAsync(DemoDeal deal, CancellationToken cancellationToken)
    {
        string? workflowId = null;
        await UntilAsync(
            async () => (workflowId = (await demo.Contracts.FindActiveByLeadAsync(deal.LeadId, cancellationToken))?.WorkflowId) is not null && HasNote(deal, "launched"),
            $"the contract for {deal} to launch",
            cancellationToken);
        return workflowId!;
    }

    private LeadInspection Lead(DemoDeal deal) => demo.Kommo.Control.GetLead(deal.LeadId)!;

    private bool HasNote(DemoDeal deal, string words) => Lead(deal).Notes.Any(n => n.Text?.Contains(words, StringComparison.Ordinal) == true);

    private string Number(string workflowId) => demo.Ironclad.Control.Workflow(workflowId)?.IroncladId ?? workflowId;

    private Task UntilAsync(Func<bool> condition, string what, CancellationToken cancellationToken) =>
        UntilAsync(() => Task.FromResult(condition()), what, cancellationToken);

    private async Task UntilAsync(Func<Task<bool>> condition, string what, CancellationToken cancellationToken)
    {
        var deadline = timeline.Elapsed + settings.StepTimeout;
        while (!await condition())
        {
            if (timeline.Elapsed > deadline)
            {
                throw new DemoStepFailedException($"waited {settings.StepTimeout.TotalSeconds:0} s for {what}, in vain");
            }

            await Task.Delay(50, cancellationToken);
        }
    }
}
