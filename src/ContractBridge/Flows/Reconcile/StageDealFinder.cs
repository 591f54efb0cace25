using ContractBridge.Kommo;
using ContractBridge.Kommo.Api;

namespace ContractBridge.Flows.Reconcile;

/// <summary>
/// Reads from Kommo which deals the pass must look at: stage entries from the event feed since a moment, the leads of
/// the trigger stages (all of them, or those changed since a moment: a deal created in the stage has no entry event),
/// and the leads that entered but were not listed (they may have moved on). A few calls for any number of deals, all
/// through the client's rate limiter.
/// </summary>
public sealed class StageDealFinder(KommoClient kommo)
{
    /// <param name="entriesSince">Where the event feed is read from; null reads none (the first pass ever).</param>
    /// <param name="changedSince">Only leads changed since; null lists every lead in the stages (the start-up safety net).</param>
    public async Task<StageDeals> FindAsync(IReadOnlyList<KommoStage> stages, DateTimeOffset? entriesSince, DateTimeOffset? changedSince, CancellationToken cancellationToken)
    {
        var entries = entriesSince is { } since
            ? await kommo.GetStageEntriesAsync(stages, since, cancellationToken)
            : [];
        var lastEntryAt = entries
            .Where(e => e.EnteredStage is { } stage && stages.Contains(new KommoStage(stage.PipelineId, stage.Id)))
            .GroupBy(e => e.EntityId)
            .ToDictionary(g => g.Key, g => g.Max(e => e.CreatedAt));

        var listed = await kommo.GetLeadsInStagesAsync(stages, changedSince, cancellationToken);
        var leads = listed.DistinctBy(l => l.Id).ToDictionary(l => l.Id);
        var unlisted = lastEntryAt.Keys.Where(id => !leads.ContainsKey(id)).ToList();
        if (unlisted.Count > 0)
        {
            foreach (var lead in await kommo.GetLeadsAsync(unlisted, cancellationToken))
            {
                leads[lead.Id] = lead;
            }
        }

        return new StageDeals(leads.Values.OrderBy(l => l.Id).ToList(), lastEntryAt);
    }
}
