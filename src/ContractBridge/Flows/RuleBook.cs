using ContractBridge.Configuration;
using ContractBridge.Contracts;
using ContractBridge.Kommo.Webhooks;
using ContractBridge.Rules;

namespace ContractBridge.Flows;

/// <summary>
/// The rules in force: which lead changes trigger a launch, and each rule's actions by name. The configured rules come
/// first (read-only), then the ones made in the dashboard (<see cref="StoredRules"/>'s snapshot); a stored rule whose
/// name a configured rule has (configuration changed after it was saved) is left out, so names stay unique.
/// </summary>
public sealed class RuleBook(IOptions<BridgeOptions> options, StoredRules? stored = null)
{
    private Combined? _combined;

    public IReadOnlyList<ContractRule> Rules
    {
        get
        {
            var configured = options.Value.Rules;
            var saved = stored?.Rules ?? [];
            if (_combined is { } last && ReferenceEquals(last.Configured, configured) && ReferenceEquals(last.Stored, saved))
            {
                return last.All;
            }

            var names = configured.Select(r => r.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
            List<ContractRule> all = [.. configured, .. saved.Where(r => !names.Contains(r.Name))];
            _combined = new Combined(configured, saved, all);
            return all;
        }
    }

    /// <summary>Whether the rule of this name comes from configuration (and so cannot be edited in the dashboard).</summary>
    public bool IsConfigured(string name) => options.Value.Rules.Any(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase));

    public ContractRule? Find(string name) => Rules.FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The rule a contract was launched under, or, when that rule is gone or the link was recovered, its template's.</summary>
    public ContractRule? ForLink(ContractLink link) => Find(link.RuleName) ?? ForTemplate(link.TemplateName);

    /// <summary>The rule for a template name (links recovered from Ironclad know only their template).</summary>
    public ContractRule? ForTemplate(string? templateName) =>
        Rules.FirstOrDefault(r => string.Equals(r.Template, templateName, StringComparison.OrdinalIgnoreCase)) ?? Rules.FirstOrDefault();

    /// <summary>
    /// The rule a lead change triggers, if any: a status change into the stage, a lead created in it, or an update whose
    /// old and new status differ and lands in it.
    /// </summary>
    public ContractRule? Triggered(KommoLeadChange change)
    {
        var entered = change.Action switch
        {
            KommoLeadAction.Status => change.OldStatusId != change.StatusId || change.OldPipelineId != change.PipelineId || change.OldStatusId is null,
            KommoLeadAction.Add => true,
            KommoLeadAction.Update => change.OldStatusId is not null && change.OldStatusId != change.StatusId,
            _ => false,
        };
        return entered ? Rules.FirstOrDefault(r => r.Matches(change.PipelineId, change.StatusId)) : null;
    }

    /// <summary>
    /// Whether a lead change may be a loss a contract must hear of (decided by its job, which knows the contract and the
    /// pipeline's order): a deletion; a move to Closed-Lost in a rule's pipeline; or another move within a rule's pipeline
    /// that lands in no trigger stage, when that rule triggers at an open stage (every stage comes before Closed-Won, so
    /// "moved back" means nothing for a rule that triggers there).
    /// </summary>
    public bool MayBeLoss(KommoLeadChange change)
    {
        if (change.Action == KommoLeadAction.Delete)
        {
            return true;
        }

        var moved = change.Action switch
        {
            KommoLeadAction.Status => change.OldStatusId is null || change.OldStatusId != change.StatusId || change.OldPipelineId != change.PipelineId,
            KommoLeadAction.Update => change.OldStatusId is not null && (change.OldStatusId != change.StatusId || change.OldPipelineId != change.PipelineId),
            _ => false,
        };
        if (!moved || change.StatusId is not { } status || status == Kommo.KommoStatuses.ClosedWon || Rules.Any(r => r.Matches(change.PipelineId, status)))
        {
            return false;
        }

        var inPipeline = Rules.Where(r => r.PipelineId is null || r.PipelineId == change.PipelineId);
        return status == Kommo.KommoStatuses.ClosedLost ? inPipeline.Any() : inPipeline.Any(r => !Kommo.KommoStatuses.IsClosed(r.StageId));
    }

    /// <summary>The note prefix that sends a note to legal (<see cref="BridgeOptions.LegalNotePrefix"/>), trimmed.</summary>
    public string LegalNotePrefix => options.Value.LegalNotePrefix.Trim();

    /// <summary>
    /// A note a person wrote for legal: a common (text) note, by a user (not one of Kommo's robots, whose notes name user
    /// 0), that starts with the legal prefix, case-insensitively. The bridge's own notes never start with it: each begins
    /// with one of <see cref="DealNotes.LeadIns"/>, and configuration refuses a prefix that could match one.
    /// </summary>
    public bool IsForLegal(KommoLeadNote note) =>
        note.NoteType == KommoLeadNote.CommonNoteType && note.CreatedBy is not 0
        && LegalNotePrefix.Length > 0 && note.Text.TrimStart().StartsWith(LegalNotePrefix, StringComparison.OrdinalIgnoreCase);

    private sealed record Combined(IReadOnlyList<ContractRule> Configured, IReadOnlyList<ContractRule> Stored, IReadOnlyList<ContractRule> All);
}
