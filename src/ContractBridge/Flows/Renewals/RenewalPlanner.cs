using ContractBridge.Configuration;
using ContractBridge.Contracts;
using ContractBridge.Engine.Jobs;
using ContractBridge.Flows.Jobs;
using ContractBridge.Flows.Writeback;

namespace ContractBridge.Flows.Renewals;

/// <summary>
/// What a record read means for its deal, decided in the store's transaction from the record as stored before and as
/// read now: an expiration date that is new or changed → <see cref="ExpirationDateChanged"/>; a status that changed
/// (active → inactive, expiring → auto-renewing, …) → one note. The first read of a record is its baseline: its status
/// is not noted (it is the executed contract's own), its expiration date is acted on.
/// </summary>
public sealed class RenewalPlanner(ContractLinks links, IOptions<BridgeOptions> options)
{
    public IReadOnlyList<NewJob> Plan(ContractRecord? before, ContractRecord now, ContractRule? rule)
    {
        var jobs = new List<NewJob>();
        if (before?.ExpirationDate != now.ExpirationDate)
        {
            jobs.AddRange(ExpirationDateChanged(now, rule, writeExpirationDate: !string.IsNullOrWhiteSpace(options.Value.Writeback.ExpirationDate)));
        }

        if (before is not null && now.StatusDiffersFrom(before))
        {
            var text = RenewalTexts.StatusChanged(now.ContractName, now.ContractStatus, now.EnhancedStatus, now.StatusMessage, links.Workflow(now.WorkflowId));
            jobs.Add(new NoteRequest(now.LeadId, text).ToJob());
        }

        return jobs;
    }

    /// <summary>
    /// The one place where a contract's expiration date, first read or changed (<see cref="ContractRecord.ExpirationDate"/>,
    /// null when Ironclad no longer has one), becomes work for its deal; the jobs commit with the stored date: the date in
    /// the deal's <c>Writeback:ExpirationDate</c> field when one is named, and the renewal task, made or moved
    /// (<see cref="RenewalTaskRequest"/>), unless the rule turns it off. A date Ironclad removes leaves both as they are.
    /// </summary>
    public static IReadOnlyList<NewJob> ExpirationDateChanged(ContractRecord record, ContractRule? rule, bool writeExpirationDate)
    {
        if (record.ExpirationDate is not { } expiresOn)
        {
            return [];
        }

        var jobs = new List<NewJob>(2);
        if (writeExpirationDate)
        {
            jobs.Add(WritebackJobs.ExpirationDate(record.LeadId, expiresOn));
        }

        if (rule is { OnExecuted.RenewalTaskDaysBefore: > 0 })
        {
            jobs.Add(new RenewalTaskRequest(record.LeadId, record.RecordId).ToJob());
        }

        return jobs;
    }
}
