using ContractBridge.Simulators.Ironclad.Model;

namespace ContractBridge.Simulators.Ironclad.Lifecycle;

/// <summary>The optional auto-advance schedule: each stage moves on after its (scaled) delay unless something changed first.</summary>
public sealed partial class IroncladState
{
    /// <summary>Call under the lock after a change. The generation check drops timers made stale by later changes.</summary>
    private void ScheduleAutoAdvance(Workflow workflow)
    {
        if (workflow.Status != WorkflowStatus.Active || _options.AutoAdvance?.DelayAfter(workflow.Stage) is not { } delay)
        {
            return;
        }

        // The timer starts now, not on some later thread, so a test advancing a fake clock right after the change
        // cannot slip in before the timer exists.
        _ = AutoAdvanceAsync(workflow.Id, workflow.Generation, _clock.Delay(_clock.Scaled(delay), _stopping.Token));
    }

    private async Task AutoAdvanceAsync(string workflowId, long generation, Task wait)
    {
        try
        {
            await wait;

            // Never run inside the caller's lock, even when the wait was already over.
            await Task.Yield();
            lock (_gate)
            {
                if (_workflows.TryGetValue(workflowId, out var workflow) && workflow.Generation == generation
                    && workflow.Status == WorkflowStatus.Active && workflow.Stage != WorkflowStage.Complete)
                {
                    AdvanceOne(workflow);
                    ScheduleAutoAdvance(workflow);
                }
            }

            _emitter.Flush();
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            Log.AutoAdvanceFailed(_logger, ex, workflowId);
        }
    }
}
