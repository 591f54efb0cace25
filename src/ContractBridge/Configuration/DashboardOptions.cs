namespace ContractBridge.Configuration;

public sealed class DashboardOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>Required for the dashboard and admin actions; without it the dashboard is off.</summary>
    public string? AdminToken { get; set; }

    /// <summary>Optional: signs in as a viewer, who sees every page and changes nothing (no replay). At least 16 characters.</summary>
    public string? ViewerToken { get; set; }

    /// <summary>
    /// Wrong admin tokens one client (an IPv4 address, or an IPv6 /64) may present within 15 minutes before it must wait:
    /// 30 seconds, doubling with each further failure up to 15 minutes. A successful login clears its count.
    /// </summary>
    public int LoginFailuresPerClient { get; set; } = 5;

    /// <summary>Wrong admin tokens from all clients together in any minute, after which every login waits for the minute to pass.</summary>
    public int LoginFailuresOverall { get; set; } = 30;

    /// <summary>
    /// How old the overview's and /jobs' whole-table counts (jobs by status, contracts by state) may be shown: older,
    /// they are shown while one refresh runs in the background. Zero counts on every view.
    /// </summary>
    public TimeSpan CountsMaxAge { get; set; } = TimeSpan.FromSeconds(5);
}
