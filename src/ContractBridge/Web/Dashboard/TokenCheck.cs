namespace ContractBridge.Web.Dashboard;

/// <summary>What checking a presented admin token found: a match, a wrong token, or no comparison at all (<see cref="Refusal"/>).</summary>
public sealed record TokenCheck(bool Matches, LoginRefusal? Refusal)
{
    public static readonly TokenCheck Matched = new(true, null);

    public static readonly TokenCheck Wrong = new(false, null);
}
