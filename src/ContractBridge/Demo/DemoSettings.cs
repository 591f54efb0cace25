namespace ContractBridge.Demo;

/// <summary>How the demo runs: the command line's choices, and the waits (tests may shorten nothing; the story is fast).</summary>
public sealed record DemoSettings
{
    /// <summary>Leave everything running after the story until cancelled (Ctrl+C).</summary>
    public bool KeepRunning { get; init; }

    /// <summary>The longest any single step may take before the demo gives up and says which.</summary>
    public TimeSpan StepTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
