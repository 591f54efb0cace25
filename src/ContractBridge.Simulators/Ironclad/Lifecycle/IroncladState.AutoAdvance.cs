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

        _ = AutoAdvanceAsync(workflow.Id, workflow.Generation, _clock.Scaled(delay));
    }

    private async Task AutoAdvanceAsync(string workflowId, long generation, TimeSpan delay)
    {
        // Never run inside the caller's lock, even for a zero delay.
        await Task.Yield();
        try
        {
            await _clock.Delay(delay, _stopping.Token);
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
