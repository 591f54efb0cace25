using ContractBridge.Configuration;
using ContractBridge.Kommo.Webhooks;

namespace ContractBridge.Flows;

/// <summary>The configured rules: which lead changes trigger a launch, and each rule's actions by name.</summary>
public sealed class RuleBook(IOptions<BridgeOptions> options)
{
    public IReadOnlyList<ContractRule> Rules => options.Value.Rules;

    public ContractRule? Find(string name) => Rules.FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase));

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
    /// pipeline's order): a deletion, or a stage change that lands neither in Closed-Won nor in a trigger stage.
    /// </summary>
    public bool MayBeLoss(KommoLeadChange change) => change.Action switch
    {
        KommoLeadAction.Delete => true,
        KommoLeadAction.Status or KommoLeadAction.Update =>
            (change.OldStatusId is null ? change.Action == KommoLeadAction.Status : change.OldStatusId != change.StatusId || change.OldPipelineId != change.PipelineId)
            && change.StatusId is { } status && status != Kommo.KommoStatuses.ClosedWon
            && !Rules.Any(r => r.Matches(change.PipelineId, status)),
        _ => false,
    };

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
}
