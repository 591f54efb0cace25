using System.Globalization;
using System.Text.Json.Nodes;
using ContractBridge.Flows.Story;
using ContractBridge.Setup;
using ContractBridge.Simulators.Ironclad.Model;
using ContractBridge.Simulators.Kommo.Control.Contracts;

namespace ContractBridge.Demo;

/// <summary>
/// What the story must have left behind, read from the simulators (Kommo's deals, Ironclad's workflows), not from the
/// bridge's own account of it: every signed deal is Closed-Won with the signed PDF and its notes and holds its contract in
/// its own fields, the Globex licence also has its signed exhibit, legal's question and finance's approval, the deal with no email
/// has the note that says so and no workflow, the deal whose value was raised in review has it in its contract, and
/// the deal lost by its rep has its workflow cancelled with a comment saying so, and the note; and, from the bridge's
/// side, the licence's story lists what was written on it, and both connections were made at /setup.
/// </summary>
public static class DemoExpectations
{
    private const long ClosedWon = 142;
    private const long ClosedLost = 143;

    public static async Task<IReadOnlyList<DemoExpectation>> CheckAsync(DemoEnvironment demo, DemoStory story, CancellationToken cancellationToken)
    {
        var cast = demo.Cast;
        var workflows = demo.Ironclad.Control.Workflows();
        var results = new List<DemoExpectation>();
        if (story.DryRuns is [var ready, var missingEmail, ..])
        {
            results.Add(new(
                $"A dry run of {ready.Deal} listed the attributes its launch would send, found no problem, and launched nothing",
                ready.Report.WouldLaunch && ready.Report.Attributes.Count > 0 && ready.WorkflowsAfter == 0,
                $"{ready.Report.Attributes.Count} attributes, {ready.Report.Problems.Count} problem(s), {ready.WorkflowsAfter} workflows after"));
            results.Add(new(
                $"A dry run of {missingEmail.Deal} said its contact has no email before anyone moved it",
                missingEmail.Report.Problems.Any(p => p.Attribute == "counterpartySignerEmail") && missingEmail.WorkflowsAfter == 0,
                DemoTimeline.Gist(string.Join("; ", missingEmail.Report.Problems), 80)));
        }
        else
        {
            results.Add(new("Sales ops' dry runs ran", false, "the story stopped before them"));
        }

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

        var globexLead = Lead(cast.GlobexLicense);
        var exhibit = globexLead.Attachments.FirstOrDefault(a => a.FileName == DemoStory.Exhibit);
        results.Add(new(
            $"{cast.GlobexLicense} has the exhibit signed with its contract attached too, under its Ironclad name",
            exhibit is not null && globexLead.Attachments.Count == 2,
            string.Join(", ", globexLead.Attachments.Select(a => a.FileName))));
        results.Add(new(
            $"{cast.GlobexLicense} has legal's question from Ironclad as a note",
            globexLead.Notes.Any(n => n.Text?.Contains("Lena Legal on ", StringComparison.Ordinal) == true && n.Text.Contains(DemoStory.LegalQuestion, StringComparison.Ordinal)),
            DemoTimeline.Gist(globexLead.Notes.FirstOrDefault(n => n.Text?.Contains("Lena Legal on ", StringComparison.Ordinal) == true)?.Text, 80)));
        results.Add(new(
            $"{cast.GlobexLicense} has finance's approval as a note",
            Note(globexLead, "Frank Finance) approved"),
            DemoTimeline.Gist(globexLead.Notes.FirstOrDefault(n => n.Text?.Contains(" approved ", StringComparison.Ordinal) == true)?.Text, 80)));
        foreach (var deal in new[] { cast.GlobexLicense, cast.InitechRenewal })
        {
            var lead = Lead(deal);
            var number = Field(lead, DemoContractFields.Number);
            var workflow = workflows.FirstOrDefault(w => w.IroncladId == number);
            var filled = workflow is not null
                && Field(lead, DemoContractFields.Link)?.Contains(workflow.Id, StringComparison.Ordinal) == true
                && Field(lead, DemoContractFields.Status) == DemoContractFields.SignedLabel
                && Field(lead, DemoContractFields.SignedOn) is not null
                && lead.Tags.Contains(DemoContractFields.SignedTag);
            results.Add(new(
                $"{deal}'s own fields hold its contract's number, link, status and signed date, and it is tagged {DemoContractFields.SignedTag}",
                filled,
                $"{number ?? "no number"}, {Field(lead, DemoContractFields.Status) ?? "no status"}, signed on {SignedOn(lead) ?? "-"}; tags: {string.Join(", ", lead.Tags)}"));
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

        // The SOW template has no kommoLeadId attribute: the deals' workflows are found by the links the bridge keeps,
        // and everything asserted about them is read from Ironclad.
        var links = await demo.Contracts.FindLatestByLeadsAsync([cast.InitechRenewal.LeadId, cast.UmbrellaPilot.LeadId], cancellationToken);
        WorkflowSnapshot? WorkflowOf(DemoDeal deal) =>
            links.TryGetValue(deal.LeadId, out var link) && link.WorkflowId is { } id ? demo.Ironclad.Control.Workflow(id) : null;

        var renewal = WorkflowOf(cast.InitechRenewal);
        var value = renewal is null ? null : ContractValue(demo, renewal.Id);
        results.Add(new(
            $"{cast.InitechRenewal}'s contract holds the value raised in review",
            value == DemoStory.RaisedPrice && renewal!.AttributeUpdates.Count == 1,
            $"contractValue {value?.ToString("N0", CultureInfo.InvariantCulture) ?? "missing"}, {renewal?.AttributeUpdates.Count ?? 0} update(s): {DemoTimeline.Gist(renewal?.AttributeUpdates.LastOrDefault()?.Comment, 80)}"));

        var lost = Lead(cast.UmbrellaPilot);
        var pilot = WorkflowOf(cast.UmbrellaPilot);
        var comments = pilot is null ? [] : demo.Ironclad.Control.Comments(pilot.Id) ?? [];
        results.Add(new($"{cast.UmbrellaPilot} is Closed-Lost and has the cancellation note", lost.StatusId == ClosedLost && Note(lost, "was cancelled"), cast.StageName(lost.PipelineId, lost.StatusId)));
        results.Add(new(
            $"{cast.UmbrellaPilot}'s workflow is cancelled with a comment saying the deal was lost",
            pilot?.Status == "cancelled" && comments.Any(c => c.Message.Contains("lost", StringComparison.OrdinalIgnoreCase)),
            DemoTimeline.Gist(comments.FirstOrDefault()?.Message, 80)));
        results.Add(new("Ironclad has exactly three workflows: one per launched deal", workflows.Count == 3, string.Join(", ", workflows.Select(w => $"{w.IroncladId} {w.Status}"))));

        // The bridge's own account, checked against Kommo's: the deal's story lists every note Kommo holds from it.
        var written = await demo.Bridge.Services.GetRequiredService<IDealWriteLog>().ListAsync(cast.GlobexLicense.LeadId, long.MaxValue, 1000, cancellationToken);
        var kinds = written.GroupBy(w => w.Kind).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        results.Add(new(
            $"{cast.GlobexLicense}'s story lists what the bridge wrote on it: every note, the files, the task, the stage move and the fields",
            kinds.GetValueOrDefault(DealWriteKinds.Note) == globexLead.Notes.Count(n => n.NoteType == "common")
                && kinds.GetValueOrDefault(DealWriteKinds.Attachment) == globexLead.Attachments.Count
                && new[] { DealWriteKinds.Task, DealWriteKinds.Stage, DealWriteKinds.Fields }.All(kinds.ContainsKey),
            string.Join(", ", kinds.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => $"{k.Value} {k.Key}"))));

        var connections = demo.Bridge.Services.GetRequiredService<UpstreamConnections>();
        results.Add(new(
            "Both services were connected at /setup, not by configuration: Kommo by OAuth, Ironclad by API key",
            connections.Kommo is { FromConfiguration: false, Method: "OAuth" } && connections.Ironclad is { FromConfiguration: false, Method: "API key" },
            $"Kommo {connections.Kommo?.Method}, Ironclad {connections.Ironclad?.Method}, stored encrypted"));
        return results;
    }

    /// <summary>A custom field's value on the lead (a select's by its option's text), by the field's code; null when empty.</summary>
    public static string? Field(LeadInspection lead, string code) =>
        lead.CustomFields.FirstOrDefault(f => f.FieldCode == code)?.Values.FirstOrDefault()?.Value?.ToString();

    /// <summary>The signed date field (unix seconds of the day's midnight) as a day, for the summary.</summary>
    private static string? SignedOn(LeadInspection lead) =>
        long.TryParse(Field(lead, DemoContractFields.SignedOn), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : null;

    /// <summary>The amount of a workflow's <c>contractValue</c> (a monetary amount), as Ironclad holds it now.</summary>
    public static decimal? ContractValue(DemoEnvironment demo, string workflowId) =>
        demo.Ironclad.Control.Workflow(workflowId)?.Attributes["contractValue"] is JsonObject money && money["amount"] is JsonValue amount
            ? amount.GetValue<decimal>()
            : null;
}
