namespace ContractBridge.Contracts;

/// <summary>
/// A contract record Ironclad made for an executed contract, as the bridge last read it, with the deal it belongs to
/// and the renewal task the bridge made for it. Kept so a record event (which names only the record) finds its deal, a
/// status is noted once, and a changed expiration date moves the existing task rather than making a second.
/// </summary>
/// <param name="ContractName">"IC-12 (MSA)": how notes and tasks name the contract.</param>
/// <param name="RecordUpdatedAt">The record's lastUpdated as read: an older read changes nothing.</param>
/// <param name="ContractStatus">Ironclad's contractStatus.status (active, inactive, indeterminate); null when it gave none.</param>
/// <param name="EnhancedStatus">Its enhancedStatus (expiring, inactive, …); null when it gave none.</param>
/// <param name="StatusMessage">Its message ("Expired on Jan 1, 2027"), for the note.</param>
/// <param name="TaskId">The Kommo task made for the renewal; null until it is made.</param>
/// <param name="TaskExpiration">The expiration date the task's due date was set for: when it differs from
/// <paramref name="ExpirationDate"/>, the task is moved.</param>
public sealed record ContractRecord(
    string RecordId,
    long LeadId,
    string WorkflowId,
    string ContractName,
    string RuleName,
    DateOnly? ExpirationDate,
    string? ContractStatus,
    string? EnhancedStatus,
    string? StatusMessage,
    DateTimeOffset RecordUpdatedAt,
    long? TaskId,
    DateOnly? TaskExpiration,
    DateTimeOffset UpdatedAt)
{
    /// <summary>True when the status differs from <paramref name="other"/>'s (the message alone, e.g. a countdown, does not count).</summary>
    public bool StatusDiffersFrom(ContractRecord other) =>
        !string.Equals(ContractStatus, other.ContractStatus, StringComparison.Ordinal) || !string.Equals(EnhancedStatus, other.EnhancedStatus, StringComparison.Ordinal);
}
