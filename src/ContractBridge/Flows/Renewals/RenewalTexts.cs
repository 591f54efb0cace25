using System.Globalization;

namespace ContractBridge.Flows.Renewals;

/// <summary>
/// The words of the renewal task and of a record's status note. They begin like every text the bridge writes
/// (<see cref="DealNotes.LeadIns"/>), so none is ever taken for a person's note to legal.
/// </summary>
public static class RenewalTexts
{
    /// <summary>How a contract's renewal task begins whatever its date: how a retry finds the task an earlier try made.</summary>
    public static string TaskPrefix(string contract) => $"Follow up: renew Ironclad contract {contract}";

    public static string Task(string contract, DateOnly expiration) =>
        $"{TaskPrefix(contract)}: it expires on {Day(expiration)}.";

    /// <summary>"Ironclad: contract IC-12 (MSA) is now inactive (Expired on Jan 1, 2027)." with the workflow's link.</summary>
    public static string StatusChanged(string contract, string? status, string? enhancedStatus, string? message, string link)
    {
        var state = enhancedStatus ?? status ?? "unknown";
        if (status is not null && enhancedStatus is not null && !string.Equals(status, enhancedStatus, StringComparison.Ordinal))
        {
            state = $"{status} ({enhancedStatus})";
        }

        var detail = string.IsNullOrWhiteSpace(message) ? string.Empty : $": {message}";
        return $"Ironclad: the record of contract {contract} is now {state}{detail}.\n{link}";
    }

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
