using System.Globalization;
using ContractBridge.Configuration;
using ContractBridge.Contracts;
using ContractBridge.Engine.Jobs;
using ContractBridge.Flows.DealLoss;
using ContractBridge.Flows.Jobs;
using ContractBridge.Kommo;

namespace ContractBridge.Flows.LegalQuestions;

/// <summary>
/// A person's note for legal (it starts with <see cref="BridgeOptions.LegalNotePrefix"/>) becomes a comment on the
/// deal's contract in progress, naming its author, through a <see cref="WorkflowMessageRequest"/> that also leaves the
/// note that it was sent. A deal with no contract in progress gets a note saying the question was not sent. Each note
/// is relayed once (<see cref="SaidOnce"/>, by the note's id).
/// </summary>
public sealed partial class LegalQuestionHandler(
    IContractLinkStore links,
    KommoNames names,
    KommoClient kommo,
    ContractLinks urls,
    SaidOnce once,
    IOptions<BridgeOptions> options,
    ILogger<LegalQuestionHandler> logger) : IJobHandler
{
    public string Kind => JobKinds.LegalQuestion;

    public JobHandlerOptions Options { get; } = new(MaxBatchSize: 1, MaxConcurrentBatches: 2);

    public Task HandleAsync(JobBatch batch, CancellationToken cancellationToken) =>
        EachJob.HandleAsync<LegalQuestionRequest>(batch, RelayAsync, cancellationToken);

    /// <summary>The question without its prefix: "@legal: can we cap liability?" asks "can we cap liability?".</summary>
    public static string Question(string text, string prefix)
    {
        var trimmed = text.TrimStart();
        var rest = trimmed.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? trimmed[prefix.Length..] : trimmed;
        return rest.TrimStart(':', ',', ' ', '\t').Trim();
    }

    public static string Comment(string author, string dealName, long leadId, string? dealLink, string question) =>
        string.Create(CultureInfo.InvariantCulture, $"ContractBridge: a question from {author} on the Kommo deal '{dealName}' (#{leadId})")
        + (dealLink is null ? string.Empty : $" {dealLink}") + $":\n{question}";

    private async Task<JobResult> RelayAsync(Job job, LegalQuestionRequest note, CancellationToken cancellationToken)
    {
        if (!await once.ClaimAsync($"legal-note:{note.NoteId}", job.Id, cancellationToken))
        {
            return JobResult.Done;
        }

        var prefix = options.Value.LegalNotePrefix.Trim();
        var link = await links.FindActiveByLeadAsync(note.LeadId, cancellationToken);
        if (link is null || !DealLossDecider.IsInProgress(link))
        {
            return JobResult.Then(new NoteRequest(note.LeadId, DealNotes.LegalQuestionNotSent(prefix)).ToJob());
        }

        var author = (note.AuthorUserId is { } user ? await names.UserAsync(user, cancellationToken) : null) ?? "a Kommo user";
        var dealName = link.DealName ?? (await kommo.GetLeadsAsync([note.LeadId], cancellationToken)).FirstOrDefault()?.Name ?? note.LeadId.ToString(CultureInfo.InvariantCulture);
        Log.Relayed(logger, note.LeadId, note.NoteId, link.WorkflowId!);
        return JobResult.Then(new WorkflowMessageRequest(
            note.LeadId,
            link.WorkflowId!,
            link.IroncladNumber ?? link.WorkflowId!,
            urls.Workflow(link.WorkflowId!),
            WorkflowMessagePurpose.LegalQuestion,
            Comment(author, dealName, note.LeadId, urls.Deal(note.LeadId), Question(note.Text, prefix)),
            DealLostAction.None,
            ActionComment: null,
            Happened: null).ToJob());
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4202, Level = LogLevel.Information, Message = "Lead {LeadId}: note {NoteId} goes to legal on workflow {WorkflowId}")]
        public static partial void Relayed(ILogger logger, long leadId, long noteId, string workflowId);
    }
}
