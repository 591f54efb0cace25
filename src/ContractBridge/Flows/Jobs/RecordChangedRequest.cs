using ContractBridge.Engine.Jobs;

namespace ContractBridge.Flows.Jobs;

/// <summary>Ironclad says a record's contract status changed (record_contract_status_changed): read it again.</summary>
public sealed record RecordChangedRequest(string RecordId)
{
    public NewJob ToJob() => JobPayloads.Job(JobKinds.RecordChanged, JobKinds.RecordKey(RecordId), this);
}
