using ContractBridge.Contracts;
using ContractBridge.Ironclad.Api;

namespace ContractBridge.Flows.Renewals;

/// <summary>
/// Stores a record read from Ironclad against its contract's deal, with the jobs <see cref="RenewalPlanner"/> decides
/// from what changed, in one transaction: a repeated or stale read stores nothing and causes nothing.
/// </summary>
public sealed class RecordObserver(IContractRecordStore records, RenewalPlanner planner, RuleBook rules, TimeProvider time)
{
    public Task<ContractRecord?> ObserveAsync(IroncladRecord record, ContractLink link, string workflowId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var observed = new ContractRecord(
            record.Id,
            link.LeadId,
            workflowId,
            $"{link.IroncladNumber ?? workflowId} ({link.TemplateName})",
            link.RuleName,
            record.ExpirationDate,
            record.ContractStatus?.Status,
            record.ContractStatus?.EnhancedStatus,
            record.ContractStatus?.Message,
            record.LastUpdated ?? now,
            TaskId: null,
            TaskExpiration: null,
            now);
        var rule = rules.ForLink(link);
        return records.ObserveAsync(observed, (before, stored) => planner.Plan(before, stored, rule), now, cancellationToken);
    }
}
