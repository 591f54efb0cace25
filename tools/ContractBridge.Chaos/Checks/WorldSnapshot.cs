using System.Text;
using ContractBridge.Chaos.World;
using ContractBridge.Kommo.Webhooks;
using ContractBridge.Simulators.Ironclad.Model;
using ContractBridge.Simulators.Kommo.Control.Contracts;

namespace ContractBridge.Chaos.Checks;

/// <summary>What the simulators hold at one moment, arranged per deal: the witnesses' account, not the bridge's.</summary>
public sealed class WorldSnapshot
{
    private WorldSnapshot(
        IReadOnlyDictionary<long, LeadInspection> leads,
        IReadOnlyDictionary<long, List<WorkflowSnapshot>> workflowsByLead,
        IReadOnlyList<WorkflowSnapshot> strayWorkflows,
        IReadOnlyDictionary<long, List<(long From, long To)>> statusMoves)
    {
        Leads = leads;
        WorkflowsByLead = workflowsByLead;
        StrayWorkflows = strayWorkflows;
        StatusMoves = statusMoves;
    }

    public IReadOnlyDictionary<long, LeadInspection> Leads { get; }

    public IReadOnlyDictionary<long, List<WorkflowSnapshot>> WorkflowsByLead { get; }

    /// <summary>Workflows that name no deal of this run.</summary>
    public IReadOnlyList<WorkflowSnapshot> StrayWorkflows { get; }

    /// <summary>Every stage change of each deal, in order, as Kommo announced it (its status_lead webhooks).</summary>
    public IReadOnlyDictionary<long, List<(long From, long To)>> StatusMoves { get; }

    /// <param name="withMoves">Also read the stage history (parses every emitted webhook: for the final check, not for polling).</param>
    public static WorldSnapshot Take(ChaosWorld world, IReadOnlyCollection<long> leadIds, bool withMoves = false)
    {
        var leads = new Dictionary<long, LeadInspection>();
        foreach (var id in leadIds)
        {
            if (world.Kommo.Control.GetLead(id) is { } lead)
            {
                leads[id] = lead;
            }
        }

        var byLead = new Dictionary<long, List<WorkflowSnapshot>>();
        var stray = new List<WorkflowSnapshot>();
        foreach (var workflow in world.Ironclad.Control.Workflows())
        {
            if (LeadOf(workflow) is { } lead && leads.ContainsKey(lead))
            {
                (byLead.TryGetValue(lead, out var list) ? list : byLead[lead] = []).Add(workflow);
            }
            else
            {
                stray.Add(workflow);
            }
        }

        return new WorldSnapshot(leads, byLead, stray, withMoves ? StatusMovesOf(world) : new Dictionary<long, List<(long, long)>>());
    }

    public static long? LeadOf(WorkflowSnapshot workflow) =>
        workflow.Attributes.TryGetPropertyValue("kommoLeadId", out var value) && long.TryParse(value?.ToString(), out var lead) ? lead : null;

    public IReadOnlyList<NoteView> Notes(long lead) => Leads.TryGetValue(lead, out var l) ? l.Notes : [];

    public int Count(long lead, NoteKind kind) => Notes(lead).Count(n => NoteKinds.Of(n) == kind);

    public IReadOnlyList<TaskView> Tasks(long lead) => Leads.TryGetValue(lead, out var l) ? l.Tasks : [];

    /// <summary>
    /// Parses every status_lead body Kommo emitted (before webhook faults, once per change and destination) with the
    /// bridge's own parser, and keeps each distinct change once.
    /// </summary>
    private static Dictionary<long, List<(long From, long To)>> StatusMovesOf(ChaosWorld world)
    {
        var seen = new HashSet<(long Lead, long? From, long? To, long? At)>();
        var moves = new Dictionary<long, List<(long, long)>>();
        foreach (var emitted in world.Kommo.Control.EmittedWebhooks.OrderBy(w => w.At))
        {
            var parsed = KommoWebhookParser.Parse("application/x-www-form-urlencoded", Encoding.UTF8.GetBytes(emitted.Body));
            if (!parsed.Succeeded)
            {
                continue;
            }

            foreach (var change in parsed.Webhook.Leads.Where(c => c.Action == KommoLeadAction.Status))
            {
                if (change.StatusId is { } to && seen.Add((change.LeadId, change.OldStatusId, to, change.LastModified)))
                {
                    (moves.TryGetValue(change.LeadId, out var list) ? list : moves[change.LeadId] = []).Add((change.OldStatusId ?? 0, to));
                }
            }
        }

        return moves;
    }
}
