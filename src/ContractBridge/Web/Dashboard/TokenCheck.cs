namespace ContractBridge.Web.Dashboard;

/// <summary>What checking a presented token found: the role it signs in as, a wrong token (no role), or no comparison at all (<see cref="Refusal"/>).</summary>
public sealed record TokenCheck(string? Role, LoginRefusal? Refusal)
{
    public static readonly TokenCheck Wrong = new(null, null);
}
