using System.Globalization;
using System.Text.Json.Nodes;
using ContractBridge.Simulators.Ironclad.Api;
using ContractBridge.Simulators.Ironclad.Model;
using ContractBridge.Simulators.Ironclad.Webhooks;

namespace ContractBridge.Simulators.Ironclad.Lifecycle;

/// <summary>
/// Contract records: one is created when a workflow reaches Archive (its id goes in the workflow's <c>recordIds</c>), with
/// the properties Ironclad fills from the workflow, and an <c>expirationDate</c> when the workflow gives an effective date
/// and a term. Its contract status is calculated from that date; control calls change the date or the status, and each
/// change is announced by <c>record_contract_status_changed</c>, whose payload names the record (the only record event
/// of the <c>WebhookEvent</c> enum; Ironclad recalculates a record's status from its lifecycle dates).
/// </summary>
public sealed partial class IroncladState
{
    private readonly Dictionary<string, ContractRecord> _records = new(StringComparer.Ordinal);

    /// <summary>The record as Ironclad answers <c>GET /records/{id}</c> (by id or IC number); null when unknown.</summary>
    public JsonObject? RecordJson(string idOrIroncladId)
    {
        lock (_gate)
        {
            return FindRecord(idOrIroncladId) is { } record ? RecordJsonWriter.Write(record, BaseUrl) : null;
        }
    }

    public RecordSnapshot? Record(string idOrIroncladId)
    {
        lock (_gate)
        {
            return FindRecord(idOrIroncladId)?.Snapshot();
        }
    }

    public IReadOnlyList<RecordSnapshot> Records()
    {
        lock (_gate)
        {
            return [.. _records.Values.Select(r => r.Snapshot())];
        }
    }

    /// <summary>Sets (or, with null, removes) the expiration date; an active record's calculated status follows it.</summary>
    public RecordSnapshot SetRecordExpiration(string idOrIroncladId, DateOnly? expiration) => ChangeRecord(idOrIroncladId, record =>
    {
        record.ExpirationDate = expiration;
        if (record.ContractStatus.Status == "active")
        {
            record.ContractStatus = RecordContractStatus.Calculated(expiration, record.ContractStatus.EventDate ?? record.LastUpdated);
        }
    });

    /// <summary>Sets the contract status (e.g. inactive, "Expired on …" or "Terminated on …"), validated against the enums.</summary>
    public RecordSnapshot SetRecordStatus(string idOrIroncladId, RecordContractStatus status)
    {
        var valid = status.Validated();
        return ChangeRecord(idOrIroncladId, record => record.ContractStatus = valid with { EventDate = valid.EventDate ?? _clock.UtcNow });
    }

    /// <summary>Emits an event for a record without changing it (a repeated delivery as Ironclad may make).</summary>
    public RecordSnapshot EmitRecordEvent(string idOrIroncladId, string eventName) =>
        ChangeRecord(idOrIroncladId, _ => { }, eventName, touch: false);

    /// <summary>Call under the lock, as the workflow reaches Archive.</summary>
    private void CreateRecord(Workflow workflow)
    {
        var properties = new JsonObject();
        if (workflow.Attributes["counterpartyName"] is JsonValue counterparty)
        {
            properties["counterpartyName"] = Property("string", counterparty.DeepClone());
        }

        if (workflow.Attributes["contractValue"] is JsonObject value)
        {
            properties["contractValue"] = Property("monetary_amount", value.DeepClone());
        }

        var signed = workflow.LastUpdated;
        properties["agreementDate"] = Property("date", RecordJsonWriter.Day(DateOnly.FromDateTime(signed.UtcDateTime)));
        var expiration = Expiration(workflow);
        var record = new ContractRecord
        {
            Id = Guid.NewGuid().ToString(),
            IroncladId = workflow.IroncladId,
            Type = workflow.Template.Name.ToLowerInvariant(),
            Name = workflow.Title,
            WorkflowId = workflow.Id,
            Properties = properties,
            ExpirationDate = expiration,
            ContractStatus = RecordContractStatus.Calculated(expiration, signed),
            LastUpdated = signed,
        };
        _records[record.Id] = record;
        workflow.RecordIds.Add(record.Id);
    }

    /// <summary>The effective date plus the term in months, when the workflow has both.</summary>
    private static DateOnly? Expiration(Workflow workflow)
    {
        if (workflow.Attributes["effectiveDate"] is not JsonValue effective || !effective.TryGetValue<string>(out var text)
            || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var start)
            || workflow.Attributes["termMonths"] is not JsonValue term || term.GetValueKind() != System.Text.Json.JsonValueKind.Number
            || JsonNumbers.ToDouble(term) is not (> 0 and var months))
        {
            return null;
        }

        return DateOnly.FromDateTime(start.UtcDateTime).AddMonths((int)months);
    }

    private static JsonObject Property(string type, JsonNode? value) => new() { ["type"] = type, ["value"] = value };

    private RecordSnapshot ChangeRecord(string idOrIroncladId, Action<ContractRecord> change, string eventName = WebhookEvents.RecordContractStatusChanged, bool touch = true)
    {
        RecordSnapshot snapshot;
        lock (_gate)
        {
            var record = FindRecord(idOrIroncladId) ?? throw IroncladApiException.NotFound("record does not exist", "id");
            change(record);
            if (touch)
            {
                var next = record.LastUpdated.AddMilliseconds(1);
                record.LastUpdated = _clock.UtcNow > next ? _clock.UtcNow : next;
            }

            EmitForRecord(record, eventName);
            snapshot = record.Snapshot();
        }

        _emitter.Flush();
        return snapshot;
    }

    private void EmitForRecord(ContractRecord record, string eventName)
    {
        var sentTo = new List<string>();
        foreach (var webhook in WebhooksInOrder.Where(w => w.Wants(eventName)))
        {
            _emitter.EnqueueRecordEvent(webhook, eventName, record);
            sentTo.Add(webhook.Id);
        }

        record.Events.Add(new EmittedEvent(eventName, record.LastUpdated, sentTo));
    }

    private ContractRecord? FindRecord(string idOrIroncladId) =>
        _records.GetValueOrDefault(idOrIroncladId)
        ?? _records.Values.FirstOrDefault(r => string.Equals(r.IroncladId, idOrIroncladId, StringComparison.OrdinalIgnoreCase));
}
