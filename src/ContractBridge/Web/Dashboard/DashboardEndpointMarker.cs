namespace ContractBridge.Web.Dashboard;

/// <summary>Endpoint metadata naming the dashboard's routes, for <see cref="DashboardGate"/>.</summary>
public sealed class DashboardEndpointMarker
{
    public static readonly DashboardEndpointMarker Instance = new();

    private DashboardEndpointMarker()
    {
    }
}
