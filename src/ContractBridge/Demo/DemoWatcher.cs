using ContractBridge.Simulators.Ironclad.Model;

namespace ContractBridge.Demo;

/// <summary>
/// Watches both sides while the story plays and puts what changed on the timeline: webhooks the bridge stored, workflows
/// Ironclad launched, and the notes, tasks, files and stage moves that appeared on the deals in Kommo. Everything is read
/// from the simulators and the bridge's database, never from the story's own expectations.
/// </summary>
public sealed class DemoWatcher(DemoEnvironment demo, DemoTimeline timeline)
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    private readonly HashSet<long> _notes = [];
    private readonly HashSet<long> _tasks = [];
    private readonly HashSet<Guid> _files = [];
    private readonly HashSet<string> _workflows = [];
    private readonly HashSet<long> _events = [];
    private readonly Dictionary<long, long> _stages = [];

    /// <summary>Everything that exists before the story starts is not news.</summary>
    public async Task PrimeAsync(CancellationToken cancellationToken)
    {
        foreach (var deal in demo.Cast.Deals)
        {
            var lead = demo.Kommo.Control.GetLead(deal.LeadId)!;
            _stages[deal.LeadId] = lead.StatusId;
            _notes.UnionWith(lead.Notes.Select(n => n.Id));
            _tasks.UnionWith(lead.Tasks.Select(t => t.Id));
        }

        _events.UnionWith((await demo.Store.ListRecentEventsAsync(500, cancellationToken)).Select(e => e.Id));
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                await LookAsync(cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            // The story is over.
        }
    }

    public async Task LookAsync(CancellationToken cancellationToken)
    {
        await LookAtBridgeAsync(cancellationToken);
        LookAtIronclad();
        LookAtKommo();
    }

    private async Task LookAtBridgeAsync(CancellationToken cancellationToken)
    {
        var fresh = (await demo.Store.ListRecentEventsAsync(200, cancellationToken)).Where(e => _events.Add(e.Id)).OrderBy(e => e.Id).ToList();
        foreach (var kommo in fresh.Where(e => e.Source == "kommo"))
        {
            timeline.Line("bridge", $"← Kommo webhook: {kommo.Summary}");
        }

        // Ironclad sends several events per change; one line per workflow keeps the timeline readable.
        var workflows = demo.Ironclad.Control.Workflows().ToDictionary(w => w.Id, w => w.IroncladId);
        foreach (var group in fresh.Where(e => e.Source == "ironclad").GroupBy(e => e.Summary.Split(' ').ElementAtOrDefault(1) ?? string.Empty))
        {
            var name = workflows.GetValueOrDefault(group.Key, group.Key);
            timeline.Line("bridge", $"← Ironclad webhooks for {name}: {string.Join(", ", group.Select(e => e.Summary.Split(' ')[0]).Distinct())}");
        }
    }

    private void LookAtIronclad()
    {
        foreach (var workflow in demo.Ironclad.Control.Workflows().Where(w => _workflows.Add(w.Id)))
        {
            var signer = (string?)workflow.Attributes["counterpartySignerEmail"];
            var value = workflow.Attributes["contractValue"] is { } money ? $", {money["amount"]} {money["currency"]}" : string.Empty;
            timeline.Line("ironclad", $"{workflow.IroncladId} ({workflow.TemplateName}) launched: \"{workflow.Title}\", signer {signer}{value}");
        }
    }

    private void LookAtKommo()
    {
        foreach (var deal in demo.Cast.Deals)
        {
            var lead = demo.Kommo.Control.GetLead(deal.LeadId)!;
            foreach (var note in lead.Notes.Where(n => n.Text is not null && _notes.Add(n.Id)))
            {
                timeline.Line("kommo", $"note on {deal}: {DemoTimeline.Gist(note.Text)}");
            }

            foreach (var task in lead.Tasks.Where(t => _tasks.Add(t.Id)))
            {
                var due = DateTimeOffset.FromUnixTimeSeconds(task.CompleteTill).UtcDateTime;
                timeline.Line("kommo", $"task on {deal}, due {due:yyyy-MM-dd}: {DemoTimeline.Gist(task.Text)}");
            }

            foreach (var file in lead.Attachments.Where(a => _files.Add(a.FileUuid)))
            {
                timeline.Line("kommo", $"file on {deal}: {file.FileName} ({file.Size:N0} bytes, {file.ContentType})");
            }

            if (_stages.GetValueOrDefault(deal.LeadId) != lead.StatusId)
            {
                _stages[deal.LeadId] = lead.StatusId;
                timeline.Line("kommo", $"{deal} is now in {demo.Cast.StageName(lead.PipelineId, lead.StatusId)}");
            }
        }
    }

    /// <summary>How a workflow stands, in words, for the story's lines.</summary>
    public static string Describe(WorkflowSnapshot workflow) => $"{workflow.IroncladId} ({workflow.Step}, {workflow.Status})";
}
