namespace ContractBridge.Simulators.Ironclad.Model;

/// <summary>
/// A record's <c>contractStatus</c> as Ironclad reports it: a base <see cref="Status"/> (active, inactive, indeterminate)
/// and a finer <see cref="EnhancedStatus"/> (expiring, auto-renewing, inactive, …), with a human message such as
/// "Expired on Jan 1, 2027". Ironclad names no "expired" or "terminated" status: those are inactive with a message.
/// </summary>
public sealed record RecordContractStatus(string Status, string EnhancedStatus, string? Message = null, DateTimeOffset? EventDate = null)
{
    /// <summary>The base statuses of the OpenAPI description's <c>contractStatus.status</c> enum.</summary>
    public static IReadOnlySet<string> Statuses { get; } = new HashSet<string>(StringComparer.Ordinal) { "active", "inactive", "indeterminate" };

    /// <summary>The sub-statuses of its <c>contractStatus.enhancedStatus</c> enum.</summary>
    public static IReadOnlySet<string> EnhancedStatuses { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "evergreen", "auto-renewing", "expiring", "terminating", "superseding", "extending", "active", "inactive", "unknown", "activating", "executed",
    };

    /// <summary>What Ironclad calculates for an executed contract: expiring on its expiration date, else simply active.</summary>
    public static RecordContractStatus Calculated(DateOnly? expiration, DateTimeOffset eventDate) => expiration is { } day
        ? new("active", "expiring", $"Expiring on {day.ToString("MMM d, yyyy", System.Globalization.CultureInfo.InvariantCulture)}", eventDate)
        : new("active", "active", "Active", eventDate);

    /// <summary>Throws <see cref="ArgumentException"/> naming a value outside the OpenAPI description's enums.</summary>
    public RecordContractStatus Validated()
    {
        if (!Statuses.Contains(Status))
        {
            throw new ArgumentException($"status must be one of {string.Join(", ", Statuses)}", nameof(Status));
        }

        if (!EnhancedStatuses.Contains(EnhancedStatus))
        {
            throw new ArgumentException($"enhancedStatus must be one of {string.Join(", ", EnhancedStatuses)}", nameof(EnhancedStatus));
        }

        return this;
    }
}
