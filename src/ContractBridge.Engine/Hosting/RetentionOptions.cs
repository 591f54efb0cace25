namespace ContractBridge.Engine.Hosting;

/// <summary>How long finished work is kept, and how often it is cleared away.</summary>
public sealed class RetentionOptions
{
    /// <summary>Succeeded jobs and their events older than this are deleted. Far longer than any sender retries a webhook.</summary>
    public TimeSpan KeepFor { get; set; } = TimeSpan.FromDays(30);

    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(6);
}
