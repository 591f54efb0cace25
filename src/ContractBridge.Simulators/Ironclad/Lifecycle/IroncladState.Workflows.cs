using System.Text.Json.Nodes;
using ContractBridge.Simulators.Ironclad.Api;
using ContractBridge.Simulators.Ironclad.Model;
using ContractBridge.Simulators.Ironclad.Webhooks;

namespace ContractBridge.Simulators.Ironclad.Lifecycle;

/// <summary>
/// Workflows: launch, look-up, listing and every move through the lifecycle, each emitting its events. Just over 300
/// lines: every move takes the same lock and emits through the same path, and reads best next to the others.
/// </summary>
public sealed partial class IroncladState
{
    private readonly Dictionary<string, Workflow> _workflows = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Workflow> _workflowsByIroncladId = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<Workflow> _workflowOrder = [];
    private int _lastNumber;

    /// <summary>
    /// Creates a workflow from attributes already validated against <paramref name="template"/>. It starts at Review,
    /// active: required attributes are enforced at launch (MISSING_PARAM), so an API launch never sits in Create.
    /// </summary>
    public JsonObject Launch(WorkflowTemplate template, JsonObject attributes, IroncladUser creator) =>
        Launch(template, attributes, creator, out _);

    public JsonObject Launch(WorkflowTemplate template, JsonObject attributes, IroncladUser creator, out WorkflowSnapshot snapshot)
    {
        JsonObject json;
        lock (_gate)
        {
            if (!_templates.Exists(t => string.Equals(t.Id, template.Id, StringComparison.Ordinal)))
            {
                throw IroncladApiException.BadRequest(IroncladError.NotFound("workflow template schema not found", "template"));
            }

            var now = _clock.UtcNow;
            var counterparty = attributes["counterpartyName"]?.GetValue<string>();
            var workflow = new Workflow
            {
                Id = NewObjectId(),
                Number = ++_lastNumber,
                Title = counterparty is null ? template.Name : $"{template.Name} with {counterparty}",
                Template = template,
                Attributes = attributes,
                Creator = creator,
                Created = now,
                LastUpdated = now,
            };
            AddLaunchDocuments(workflow, now);
            StartFirstTurn(workflow);
            _workflows[workflow.Id] = workflow;
            _workflowsByIroncladId[workflow.IroncladId] = workflow;
            _workflowOrder.Add(workflow);
            Emit(workflow, WebhookEvents.WorkflowLaunched);
            EmitSeedState(workflow, "CREATED");
            EmitSeedState(workflow, "REVIEW");
            ScheduleAutoAdvance(workflow);
            json = WorkflowJsonWriter.Write(workflow, BaseUrl);
            snapshot = workflow.Snapshot();
        }

        _emitter.Flush();
        return json;
    }

    /// <summary>The workflow as Ironclad answers it, found by id or by its "IC-n" number; null when unknown.</summary>
    public JsonObject? WorkflowJson(string idOrIroncladId)
    {
        lock (_gate)
        {
            return FindWorkflow(idOrIroncladId) is { } workflow ? WorkflowJson(workflow) : null;
        }
    }

    public WorkflowSnapshot? Workflow(string idOrIroncladId)
    {
        lock (_gate)
        {
            return FindWorkflow(idOrIroncladId)?.Snapshot();
        }
    }

    public IReadOnlyList<WorkflowSnapshot> Workflows()
    {
        lock (_gate)
        {
            return [.. _workflowOrder.Select(w => w.Snapshot())];
        }
    }

    /// <summary>One page of matching workflows, newest first, and how many match in all.</summary>
    public (int Count, List<JsonObject> Page) ListWorkflows(Func<Workflow, bool> matches, int page, int pageSize)
    {
        lock (_gate)
        {
            var matching = _workflowOrder.Where(matches).Reverse().ToList();
            var items = matching.Skip(page * pageSize).Take(pageSize).Select(WorkflowJson).ToList();
            return (matching.Count, items);
        }
    }

    /// <summary>Runs <paramref name="read"/> on a workflow under the lock (documents, PDFs); null when unknown.</summary>
    public T? ReadWorkflow<T>(string idOrIroncladId, Func<Workflow, T?> read)
        where T : class
    {
        lock (_gate)
        {
            return FindWorkflow(idOrIroncladId) is { } workflow ? read(workflow) : null;
        }
    }

    /// <summary>Moves a workflow one stage on: Review → Sign → signed (every signer signs) → Archive → Complete.</summary>
    public WorkflowSnapshot Advance(string idOrIroncladId) => Change(idOrIroncladId, AdvanceOne);

    /// <summary>Moves a workflow stage by stage to <paramref name="target"/>, emitting every event on the way.</summary>
    public WorkflowSnapshot AdvanceTo(string idOrIroncladId, WorkflowStage target) => Change(idOrIroncladId, workflow =>
    {
        if (workflow.Stage >= target)
        {
            throw new IroncladApiException(StatusCodes.Status409Conflict, IroncladError.InvalidState(
                $"workflow is at {workflow.Stage}, which is not before {target}", "to"));
        }

        while (workflow.Stage < target)
        {
            AdvanceOne(workflow);
        }
    });

    /// <summary>Cancels an active or paused workflow (<c>POST /workflows/{id}/cancel</c>).</summary>
    public WorkflowSnapshot Cancel(string idOrIroncladId) => Change(idOrIroncladId, workflow =>
    {
        if (workflow.IsFinished)
        {
            throw IroncladApiException.BadRequest(IroncladError.InvalidState(
                $"workflow is already {WireNames.Status(workflow.Status)} and cannot be cancelled"));
        }

        if (workflow.Stage == WorkflowStage.Sign)
        {
            Emit(workflow, WebhookEvents.SignaturePacketCancelled);
        }

        workflow.Status = WorkflowStatus.Cancelled;
        Touch(workflow);
        Emit(workflow, WebhookEvents.WorkflowCancelled);
        Emit(workflow, WebhookEvents.WorkflowUpdated);
        EmitSeedState(workflow, "CANCELLED");
    });

    /// <summary>Pauses a workflow; as Ironclad says, only active workflows in the Review step can be paused.</summary>
    public WorkflowSnapshot Pause(string idOrIroncladId) => Change(idOrIroncladId, workflow =>
    {
        if (workflow.Status != WorkflowStatus.Active || workflow.Stage != WorkflowStage.Review)
        {
            throw IroncladApiException.BadRequest(IroncladError.InvalidState("Only active workflows in the review step can be paused."));
        }

        workflow.Status = WorkflowStatus.Paused;
        Touch(workflow);
        Emit(workflow, WebhookEvents.WorkflowPaused);
        Emit(workflow, WebhookEvents.WorkflowUpdated);
    });

    public WorkflowSnapshot Resume(string idOrIroncladId) => Change(idOrIroncladId, workflow =>
    {
        if (workflow.Status != WorkflowStatus.Paused || workflow.Stage != WorkflowStage.Review)
        {
            throw IroncladApiException.BadRequest(IroncladError.InvalidState("Only paused workflows in the review step can be resumed."));
        }

        workflow.Status = WorkflowStatus.Active;
        Touch(workflow);
        Emit(workflow, WebhookEvents.WorkflowResumed);
        Emit(workflow, WebhookEvents.WorkflowUpdated);
    });

    /// <summary>Takes a workflow in the Sign step (not yet fully signed) back to Review; the signature packet is cancelled, its signatures gone.</summary>
    public WorkflowSnapshot RevertToReview(string idOrIroncladId) => Change(idOrIroncladId, workflow =>
    {
        if (!workflow.IsRevertibleToReview)
        {
            throw IroncladApiException.BadRequest(IroncladError.InvalidState(
                "workflow cannot be reverted to review as it is not in the sign stage"));
        }

        workflow.Stage = WorkflowStage.Review;
        workflow.Signers.Clear();
        Touch(workflow);
        Emit(workflow, WebhookEvents.SignaturePacketCancelled);
        Emit(workflow, WebhookEvents.WorkflowStepUpdated);
        Emit(workflow, WebhookEvents.WorkflowUpdated);
        EmitSeedState(workflow, "REVIEW");
    });

    /// <summary>
    /// Emits any event for a workflow without changing it, with extra payload fields: lets tests check that a receiver
    /// tolerates events and fields it does not know (Ironclad adds them over time).
    /// </summary>
    public WorkflowSnapshot EmitCustomEvent(string idOrIroncladId, string eventName, JsonObject? extraPayload) =>
        Change(idOrIroncladId, workflow => Emit(workflow, eventName, extraPayload), touch: false);

    private WorkflowSnapshot Change(string idOrIroncladId, Action<Workflow> change, bool touch = true)
    {
        WorkflowSnapshot snapshot;
        lock (_gate)
        {
            var workflow = FindWorkflow(idOrIroncladId)
                ?? throw IroncladApiException.NotFound("workflow does not exist", "workflowId");
            var generation = workflow.Generation;
            change(workflow);
            if (touch && workflow.Generation != generation)
            {
                ScheduleAutoAdvance(workflow);
            }

            snapshot = workflow.Snapshot();
        }

        _emitter.Flush();
        return snapshot;
    }

    private void AdvanceOne(Workflow workflow)
    {
        if (workflow.Status != WorkflowStatus.Active)
        {
            throw new IroncladApiException(StatusCodes.Status409Conflict, IroncladError.InvalidState(
                $"workflow is {WireNames.Status(workflow.Status)} and cannot advance"));
        }

        switch (workflow.Stage)
        {
            case WorkflowStage.Review:
                workflow.Stage = WorkflowStage.Sign;
                Touch(workflow);
                ApproveRemaining(workflow);
                SendSignaturePacket(workflow);
                Emit(workflow, WebhookEvents.WorkflowApprovalStatusChanged);
                Emit(workflow, WebhookEvents.WorkflowStepUpdated);
                Emit(workflow, WebhookEvents.SignaturePacketSent);
                Emit(workflow, WebhookEvents.WorkflowUpdated);
                EmitSeedState(workflow, "SIGNATURE");
                break;
            case WorkflowStage.Sign:
                workflow.Stage = WorkflowStage.Signed;
                Touch(workflow);
                CollectEverySignature(workflow);
                Emit(workflow, WebhookEvents.SignaturePacketSignaturesCollected);
                Emit(workflow, WebhookEvents.SignaturePacketFullySigned);
                Emit(workflow, WebhookEvents.WorkflowUpdated);
                EmitSeedState(workflow, "EXECUTED");
                break;
            case WorkflowStage.Signed:
                workflow.Stage = WorkflowStage.Archive;
                Touch(workflow);
                CreateRecord(workflow);
                Emit(workflow, WebhookEvents.WorkflowStepUpdated);
                Emit(workflow, WebhookEvents.WorkflowUpdated);
                break;
            case WorkflowStage.Archive:
                workflow.Stage = WorkflowStage.Complete;
                workflow.Status = WorkflowStatus.Completed;
                Touch(workflow);
                Emit(workflow, WebhookEvents.WorkflowStepUpdated);
                Emit(workflow, WebhookEvents.WorkflowCompleted);
                Emit(workflow, WebhookEvents.WorkflowUpdated);
                break;
            default:
                throw new IroncladApiException(StatusCodes.Status409Conflict, IroncladError.InvalidState("workflow is already complete"));
        }
    }

    private Workflow? FindWorkflow(string idOrIroncladId) =>
        _workflows.GetValueOrDefault(idOrIroncladId) ?? _workflowsByIroncladId.GetValueOrDefault(idOrIroncladId);

    private JsonObject WorkflowJson(Workflow workflow) => WorkflowJsonWriter.Write(workflow, BaseUrl);

    /// <summary><c>lastUpdated</c> moves on with every change, strictly, even when the clock (a fake in tests) stands still.</summary>
    private void Touch(Workflow workflow)
    {
        var now = _clock.UtcNow;
        var next = workflow.LastUpdated.AddMilliseconds(1);
        workflow.LastUpdated = now > next ? now : next;
        workflow.Generation++;
    }

    private void Emit(Workflow workflow, string eventName, JsonObject? extraPayload = null)
    {
        var sentTo = new List<string>();
        foreach (var webhook in WebhooksInOrder.Where(w => w.Wants(eventName)))
        {
            _emitter.Enqueue(webhook, eventName, workflow, extraPayload);
            sentTo.Add(webhook.Id);
        }

        workflow.Events.Add(new EmittedEvent(eventName, workflow.LastUpdated, sentTo));
    }

    /// <summary>The seed dialect's <c>workflow.state.changed</c>, to registrations that asked for that event.</summary>
    private void EmitSeedState(Workflow workflow, string seedStatus)
    {
        if (!SeedDialect)
        {
            return;
        }

        var sentTo = new List<string>();
        foreach (var webhook in WebhooksInOrder.Where(w => w.Wants(WebhookEvents.SeedStateChanged) && !w.Events.Contains(WebhookEvents.All)))
        {
            _emitter.EnqueueSeedStateChange(webhook, workflow, seedStatus);
            sentTo.Add(webhook.Id);
        }

        workflow.Events.Add(new EmittedEvent($"{WebhookEvents.SeedStateChanged}:{seedStatus}", workflow.LastUpdated, sentTo));
    }
}
