using System.Text.Json.Nodes;
using ContractBridge.Simulators.Common;
using ContractBridge.Simulators.Ironclad.Api;

namespace ContractBridge.Simulators.Ironclad.Lifecycle;

/// <summary>Launches workflows, synchronously or as async jobs that run after a short (scaled) delay.</summary>
public sealed class WorkflowLauncher(IroncladState state, SimulatorClock clock)
{
    /// <summary>Parses, validates and launches; throws <see cref="IroncladApiException"/> with Ironclad's error otherwise.</summary>
    public JsonObject Launch(JsonObject body, IroncladCaller caller, bool useDefaultValues)
    {
        var request = LaunchRequestParser.Parse(body, caller, state);
        var template = state.FindTemplate(request.TemplateId)
            ?? throw IroncladApiException.BadRequest(IroncladError.NotFound("workflow template schema not found", "template"));
        var attributes = request.SeedForm
            ? SeedDialectLaunchAdapter.Adapt(template, request.Attributes, request.SignerGroups)
            : request.Attributes;
        var validated = AttributeValidator.Validate(template, attributes, useDefaultValues);
        return state.Launch(template, validated, request.Creator);
    }

    /// <summary>Accepts the launch at once; it runs when its delay has passed (or when it is polled after that).</summary>
    public JsonObject StartAsync(JsonObject body, IroncladCaller caller, bool useDefaultValues)
    {
        var job = state.AddAsyncJob((JsonObject)body.DeepClone(), caller, useDefaultValues);
        _ = RunWhenDueAsync(job.Id, clock.Delay(job.DueAt - clock.UtcNow, state.Stopping));
        return new JsonObject
        {
            ["asyncJobId"] = job.Id,
            ["asyncJobStatusUrl"] = $"{ApiBase}/workflows/async/{job.Id}",
        };
    }

    /// <summary>
    /// The job as <c>GET /workflows/async/{id}</c> answers it; null when unknown. Once the job is due its outcome is
    /// answered: a poll that finds the launch running (started by the timer) waits for it rather than say "in_progress".
    /// </summary>
    public async Task<JsonObject?> AsyncStatusAsync(string jobId)
    {
        RunIfDue(jobId);
        if (state.ReadAsyncJob(jobId, job => job.Claimed ? job.Completion.Task : Task.CompletedTask) is { } launched)
        {
            await launched;
        }

        return state.ReadAsyncJob(jobId, job =>
        {
            var status = new JsonObject
            {
                ["status"] = !job.Finished ? "in_progress" : job.Error is null ? "success" : "failed",
                ["requestPayload"] = job.RequestPayload.DeepClone(),
            };
            if (job.Error is { } error)
            {
                status["error"] = IroncladJson.ToJson(error);
            }
            else if (job.LaunchedWorkflow is { } workflow)
            {
                var id = workflow["id"]!.GetValue<string>();
                status["workflowUrls"] = new JsonObject
                {
                    ["browserUrl"] = $"{state.BaseUrl.GetLeftPart(UriPartial.Authority)}/workflows/{id}",
                    ["apiUrl"] = $"{ApiBase}/workflows/{id}",
                };
                status["workflow"] = workflow.DeepClone();
            }

            return status;
        });
    }

    private string ApiBase => state.BaseUrl.GetLeftPart(UriPartial.Authority) + WorkflowJsonWriter.ApiPrefix;

    /// <param name="wait">Started by the caller, so the timer exists before the launch is acknowledged.</param>
    private async Task RunWhenDueAsync(string jobId, Task wait)
    {
        try
        {
            await wait;
            await Task.Yield();
            RunIfDue(jobId);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private void RunIfDue(string jobId)
    {
        if (!state.TryClaimAsyncJob(jobId, out var job))
        {
            return;
        }

        try
        {
            var workflow = Launch(job.RequestPayload, job.Caller, job.UseDefaultValues);
            state.FinishAsyncJob(job, workflow, null);
        }
        catch (IroncladApiException ex)
        {
            state.FinishAsyncJob(job, null, ex.Error);
        }
        catch (Exception ex)
        {
            // A simulator bug must still end the job: polls wait for it once it has started.
            state.FinishAsyncJob(job, null, new IroncladError("SERVER_ERROR", ex.Message, null));
            throw;
        }
    }
}
