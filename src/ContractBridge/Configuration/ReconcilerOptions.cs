namespace ContractBridge.Configuration;

public sealed class ReconcilerOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>How often open contracts are polled for what webhooks missed.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(10);
}
