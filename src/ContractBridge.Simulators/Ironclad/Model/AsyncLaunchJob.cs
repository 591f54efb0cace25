using System.Text.Json.Nodes;
using ContractBridge.Simulators.Ironclad.Api;

namespace ContractBridge.Simulators.Ironclad.Model;

/// <summary>
/// An async launch: "in_progress" until <see cref="DueAt"/>, then "success" with the launched workflow or "failed" with
/// the error a sync launch would have answered. Touched under the state's lock.
/// </summary>
public sealed class AsyncLaunchJob
{
    public required string Id { get; init; }

    public required JsonObject RequestPayload { get; init; }

    public required IroncladCaller Caller { get; init; }

    public required bool UseDefaultValues { get; init; }

    public required DateTimeOffset DueAt { get; init; }

    /// <summary>Set by whoever runs the launch (the timer or a poll after the due time), so it runs once.</summary>
    public bool Claimed { get; set; }

    public bool Finished { get; set; }

    /// <summary>Completes when the launch has run, so a poll that finds it running waits for its outcome.</summary>
    public TaskCompletionSource Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public JsonObject? LaunchedWorkflow { get; set; }

    public IroncladError? Error { get; set; }
}
