using ContractBridge.Ironclad.Api;

namespace ContractBridge.Flows.Edits;

/// <summary>
/// Why a workflow takes no attribute updates now, in words for the deal's note: where it is, and what legal can do so
/// the deal's changes reach it. <see cref="Step"/> keys the note: the same changes at another step are noted again.
/// </summary>
public sealed record IroncladWorkflowPosition(string Step, string Where, string Advice)
{
    public static IroncladWorkflowPosition Of(IroncladWorkflow workflow)
    {
        var step = workflow.Step ?? "unknown";
        if (string.Equals(workflow.Status, "paused", StringComparison.OrdinalIgnoreCase))
        {
            return new(step + " (paused)", $"paused (step {step})", "Once legal resumes it, the deal's next edit updates it.");
        }

        return workflow.IsRevertibleToReview == true
            ? new(step, $"past review (step {step})", "Legal can revert it to Review in Ironclad; the deal's next edit then updates it.")
            : new(step, $"past review (step {step})", "It can no longer be changed from the deal; ask legal to change it in Ironclad.");
    }

    /// <summary>Cancelled or completed, or archiving a signed contract: edits of the deal no longer concern it.</summary>
    public static bool IsFinished(IroncladWorkflow workflow) =>
        workflow.Status is "cancelled" or "completed" || workflow.Step is "Archive" or "Complete";
}
