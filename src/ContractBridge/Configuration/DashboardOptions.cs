namespace ContractBridge.Configuration;

public sealed class DashboardOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>Required for the dashboard and admin actions; without it the dashboard is off.</summary>
    public string? AdminToken { get; set; }
}
