namespace ContractBridge.Web.Dashboard;

/// <summary>The two things one may be allowed to do: read every page (admin or viewer), or change something (admin).</summary>
public static class DashboardPolicies
{
    public const string Read = "dashboard-read";

    public const string Change = "dashboard-change";
}
