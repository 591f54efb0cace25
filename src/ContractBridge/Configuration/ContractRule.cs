namespace ContractBridge.Configuration;

/// <summary>
/// One trigger: a deal entering <see cref="StageId"/> (of <see cref="PipelineId"/>, or of any pipeline) launches
/// <see cref="Template"/>, with <see cref="Mapping"/> filling its attributes; the actions say what the contract's
/// progress does to the deal.
/// </summary>
public sealed class ContractRule
{
    public string Name { get; set; } = "default";

    /// <summary>Null matches the stage in any pipeline (the seed's single-pipeline variables give no pipeline).</summary>
    public long? PipelineId { get; set; }

    public long StageId { get; set; }

    /// <summary>The Ironclad template (workflow schema) name.</summary>
    public string Template { get; set; } = "MSA";

    /// <summary>
    /// Template attribute id → source expression (<c>company.name ?? contact.name</c>, <c>lead.cf[PO_NUMBER]</c>,
    /// <c>'Net 30'</c>). Null: the default mapping, applied to the attributes the template has.
    /// </summary>
    public Dictionary<string, string>? Mapping { get; set; }

    /// <summary>Currency for monetary attributes; null takes the Kommo account's currency.</summary>
    public string? Currency { get; set; }

    /// <summary>The stage an executed contract moves the deal to; 142 (Closed-Won) of the deal's own pipeline by default.</summary>
    public long ClosedWonStageId { get; set; } = 142;

    public SignatureActions OnSignature { get; set; } = new();

    /// <summary>Stalled signatures: a task per signer who has not signed after <c>Nudge.After</c>, and optionally Ironclad's reminder.</summary>
    public NudgeActions Nudge { get; set; } = new();

    public ExecutedActions OnExecuted { get; set; } = new();

    public CancelledActions OnCancelled { get; set; } = new();

    /// <summary>
    /// Edits of the deal, its main contact or company while its contract is open reach the workflow: changed attributes
    /// are patched while it is in Review; past Review the deal gets one note listing what did not reach it.
    /// </summary>
    public bool SyncEdits { get; set; } = true;

    public DealLostActions OnDealLost { get; set; } = new();

    /// <summary>Legal's comments on the contract (not the bridge's own) become notes on the deal, each once.</summary>
    public bool RelayComments { get; set; } = true;

    /// <summary>Each approval given or taken back on the contract is a note on the deal, with how many of them are in.</summary>
    public bool RelayApprovals { get; set; } = true;

    /// <summary>A note on the deal when the contract's turn passes to the counterparty or comes back from them.</summary>
    public bool RelayTurns { get; set; } = true;

    public bool Matches(long? pipelineId, long? statusId) =>
        statusId == StageId && (PipelineId is null || PipelineId == pipelineId);
}

public sealed class SignatureActions
{
    public bool Note { get; set; } = true;

    public bool Task { get; set; } = true;

    public int TaskDueDays { get; set; } = 3;

    /// <summary>Kommo task type: 1 = follow-up.</summary>
    public int TaskTypeId { get; set; } = 1;
}

public sealed class ExecutedActions
{
    public bool MoveToWon { get; set; } = true;

    public bool Note { get; set; } = true;

    public bool AttachDocument { get; set; } = true;

    /// <summary>
    /// A renewal task for the deal's responsible user this many days before the contract's expiration date (read from its
    /// Ironclad record); a changed date moves the task. 0 turns the task off (records are still read: their status changes
    /// become notes).
    /// </summary>
    public int RenewalTaskDaysBefore { get; set; } = 60;
}

public sealed class CancelledActions
{
    public bool Note { get; set; } = true;

    /// <summary>When set, a cancelled contract moves the deal here (e.g. back to negotiation, or 143 Closed-Lost).</summary>
    public long? MoveToStageId { get; set; }

    /// <summary>With a move to 143: the Kommo loss reason.</summary>
    public long? LossReasonId { get; set; }
}
