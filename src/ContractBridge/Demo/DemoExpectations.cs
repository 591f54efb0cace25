using System.Globalization;
using ContractBridge.Simulators.Kommo.Control.Contracts;

namespace ContractBridge.Demo;

/// <summary>
/// What the story must have left behind, read from the simulators (Kommo's deals, Ironclad's workflows), not from the
/// bridge's own account of it: every signed deal is Closed-Won with the signed PDF and its notes, the deal with no email
/// has the note that says so and no workflow, the cancelled one has its note and stays open.
/// </summary>
public static class DemoExpectations
{
    private const long ClosedWon = 142;

    public static IReadOnlyList<DemoExpectation> Check(DemoEnvironment demo)
    {
        var cast = demo.Cast;
        var workflows = demo.Ironclad.Control.Workflows();
        var results = new List<DemoExpectation>();
        LeadInspection Lead(DemoDeal deal) => demo.Kommo.Control.GetLead(deal.LeadId)!;
        bool Note(LeadInspection lead, string words) => lead.Notes.Any(n => n.Text?.Contains(words, StringComparison.Ordinal) == true);

        foreach (var deal in new[] { cast.GlobexLicense, cast.InitechRenewal })
        {
            var lead = Lead(deal);
            var pdf = lead.Attachments.FirstOrDefault(a => a.ContentType == "application/pdf" || a.FileName.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase));
            results.Add(new($"{deal} is Closed-Won", lead.StatusId == ClosedWon, cast.StageName(lead.PipelineId, lead.StatusId)));
            results.Add(new($"{deal} has the signed PDF attached", pdf is not null, pdf is null ? "no PDF attachment" : $"{pdf.FileName}, {pdf.Size.ToString("N0", CultureInfo.InvariantCulture)} bytes"));
            results.Add(new(
                $"{deal} has the launch, signature and signed notes",
                Note(lead, "launched") && Note(lead, "was sent for signature") && Note(lead, "signed (executed)"),
                $"{lead.Notes.Count} notes"));
            results.Add(new($"{deal} has a follow-up task for the signature", lead.Tasks.Count > 0, $"{lead.Tasks.Count} task(s)"));
        }

        var noEmail = Lead(cast.GlobexSupport);
        var leadId = cast.GlobexSupport.LeadId.ToString(CultureInfo.InvariantCulture);
        results.Add(new(
            $"{cast.GlobexSupport} has a note saying the contact has no email",
            Note(noEmail, "counterpartySignerEmail") && Note(noEmail, "has no email"),
            DemoTimeline.Gist(noEmail.Notes.LastOrDefault()?.Text?.Split('\n').ElementAtOrDefault(1), 80)));
        results.Add(new(
            $"{cast.GlobexSupport} has no workflow in Ironclad",
            workflows.All(w => (string?)w.Attributes["kommoLeadId"] != leadId),
            $"{workflows.Count} workflows in all"));

        var cancelled = Lead(cast.UmbrellaPilot);
        results.Add(new($"{cast.UmbrellaPilot} has the cancellation note", Note(cancelled, "was cancelled"), $"{cancelled.Notes.Count} notes"));
        results.Add(new($"{cast.UmbrellaPilot} stays open", cancelled.StatusId != ClosedWon, cast.StageName(cancelled.PipelineId, cancelled.StatusId)));
        results.Add(new("Ironclad has exactly three workflows: one per launched deal", workflows.Count == 3, string.Join(", ", workflows.Select(w => $"{w.IroncladId} {w.Status}"))));
        return results;
    }
}
