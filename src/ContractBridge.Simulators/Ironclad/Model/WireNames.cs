namespace ContractBridge.Simulators.Ironclad.Model;

/// <summary>How stages and statuses are spelled on Ironclad's wire.</summary>
public static class WireNames
{
    public static string Step(WorkflowStage stage) => stage switch
    {
        WorkflowStage.Review => "Review",
        WorkflowStage.Sign or WorkflowStage.Signed => "Sign",
        WorkflowStage.Archive => "Archive",
        _ => "Complete",
    };

    public static string Status(WorkflowStatus status) => status switch
    {
        WorkflowStatus.Active => "active",
        WorkflowStatus.Paused => "paused",
        WorkflowStatus.Cancelled => "cancelled",
        _ => "completed",
    };

    public static bool TryParseStatus(string text, out WorkflowStatus status)
    {
        switch (text)
        {
            case "active": status = WorkflowStatus.Active; return true;
            case "paused": status = WorkflowStatus.Paused; return true;
            case "cancelled": status = WorkflowStatus.Cancelled; return true;
            case "completed": status = WorkflowStatus.Completed; return true;
            default: status = default; return false;
        }
    }

    /// <summary>Ironclad's timestamps: UTC, milliseconds, a Z (JavaScript's toISOString).</summary>
    public static string Timestamp(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
