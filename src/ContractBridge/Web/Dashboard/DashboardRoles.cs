namespace ContractBridge.Web.Dashboard;

/// <summary>Who signed in: the admin token's holder (sees and replays) or the viewer token's (sees only).</summary>
public static class DashboardRoles
{
    public const string Admin = "admin";

    public const string Viewer = "viewer";
}
